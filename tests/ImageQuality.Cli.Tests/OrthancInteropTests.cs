using ImageQuality.Cli.Tests.Peers;
using ImageQuality.Dicom.Network.Association;
using ImageQuality.Dicom.Network.Listener;
using ImageQuality.Dicom.Network.Storage;

namespace ImageQuality.Cli.Tests;

/// <summary>Orthanc, a real PACS, as receiver of <c>iq send</c> and as sender to our listener.</summary>
public sealed class OrthancInteropTests
{
    [Test]
    public void Iq_send_delivers_the_well_formed_corpus_to_Orthanc()
    {
        string[] folders = [.. PeerTools.WellFormedFolders.Select(PeerTools.CorpusFolder)];
        Dictionary<string, string> expected = PeerTools.ReadableInstances(folders);
        using OrthancServer orthanc = OrthancServer.Start();

        (int code, string output, string error) = CliRunner.Run(["send", "127.0.0.1", orthanc.Port, "--called-ae", OrthancServer.AeTitle, .. folders]);

        code.Should().Be(ExitCodes.Success, output + error + orthanc.Output);
        orthanc.CountInstances().Should().Be(expected.Count);
        orthanc.SopInstanceUids().Should().BeEquivalentTo(expected.Keys);
    }

    [Test]
    public async Task Orthanc_sends_a_study_to_our_listener_through_its_REST_API()
    {
        string study = PeerTools.CorpusFolder("prostate_mri/ProstateX-0218_complete_mpMRI");
        string root = Directory.CreateTempSubdirectory("iq-from-orthanc-").FullName;
        try
        {
            var store = new DicomFolderStore(Path.Combine(root, "data"));
            await using var listener = new DicomListener(new DicomListenerOptions { Port = 0, BindAddress = "127.0.0.1" }, store);
            listener.Start();
            using OrthancServer orthanc = OrthancServer.Start(new Dictionary<string, (string, int)> { ["iq"] = (DicomListenerOptions.DefaultAeTitle, listener.LocalEndPoint.Port) });
            (int code, string output, string error) = CliRunner.Run("send", "127.0.0.1", orthanc.Port, "--called-ae", OrthancServer.AeTitle, study);
            code.Should().Be(ExitCodes.Success, output + error);
            var studies = orthanc.Get("studies").AsArray().Select(s => s!.GetValue<string>()).ToList();
            studies.Should().ContainSingle();

            orthanc.Post("modalities/iq/store", new { Resources = studies, Synchronous = true });

            List<string> inOrthanc = orthanc.SopInstanceUids();
            inOrthanc.Should().HaveCount(PeerTools.ReadableInstances([study]).Count);
            PeerTools.ReadableInstances([store.Root]).Keys.Should().BeEquivalentTo(inOrthanc);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
