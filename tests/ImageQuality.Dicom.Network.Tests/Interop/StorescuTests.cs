using ImageQuality.Dicom.Network.Storage;

namespace ImageQuality.Dicom.Network.Tests.Interop;

public sealed class StorescuTests
{
    [Test]
    public async Task Storescu_sends_corpus_files_in_their_own_syntaxes_and_each_arrives_intact()
    {
        Dcmtk.Require("storescu");
        string[] files = StoreCorpus.Files();
        await using var server = TestListener.Start();
        var stored = new List<StoredInstance>();
        server.Store.InstanceStored += i =>
        {
            lock (stored)
            {
                stored.Add(i);
            }
        };

        // storescu proposes a compressed syntax only when told which; one run per syntax, all at once (several
        // associations in parallel), so that every file travels in the syntax it is in.
        ToolResult[] runs = await Task.WhenAll(files.GroupBy(f => DicomFile.Open(f).TransferSyntax.Uid).Select(g =>
            Dcmtk.RunAsync("storescu", ["-aet", "MODALITY", "-aec", "IMAGEQUALITY", ProposeFlag(g.Key), "127.0.0.1", server.PortText, .. g])));

        foreach (ToolResult r in runs)
        {
            r.ExitCode.Should().Be(0, r.ToString());
            r.Output.Should().NotContain("E:", r.ToString());
        }

        ShouldHaveArrivedIntact(server, files, stored, "MODALITY");
    }

    /// <summary>Every file stored once, no temporary file left, one event each, and element by element what was sent.</summary>
    internal static void ShouldHaveArrivedIntact(TestListener server, string[] files, List<StoredInstance> stored, string callingAe)
    {
        server.StoredFiles().Should().HaveCount(files.Length);
        server.AllFiles().Should().HaveCount(files.Length, "no temporary file is left");
        stored.Should().HaveCount(files.Length);
        foreach (string source in files)
        {
            string path = StoreCorpus.StoredPath(server.Root, source);
            File.Exists(path).Should().BeTrue($"{source} should be stored at {path}");
            DicomFile sent = DicomFile.Open(source);
            DicomFile received = DicomFile.Open(path);
            received.TransferSyntax.Should().Be(sent.TransferSyntax, source);
            received.FileMetaInformation.GetString(DicomTag.SourceApplicationEntityTitle).Should().Be(callingAe);
            received.FileMetaInformation.GetString(DicomTag.MediaStorageSOPInstanceUID).Should().Be(sent.Dataset.GetString(DicomTag.SOPInstanceUID));
            received.FileMetaInformation.GetString(DicomTag.ImplementationClassUID).Should().Be(DicomImplementation.ClassUid);
            DatasetComparison.ShouldEqual(received.Dataset, sent.Dataset, compareVR: true, source);
        }
    }

    /// <summary>The storescu option that proposes a transfer syntax (and the uncompressed ones) in their own contexts.</summary>
    internal static string ProposeFlag(string transferSyntaxUid) => transferSyntaxUid switch
    {
        "1.2.840.10008.1.2" => "-xi",
        "1.2.840.10008.1.2.1" => "-xe",
        "1.2.840.10008.1.2.2" => "-xb",
        "1.2.840.10008.1.2.1.99" => "-xd",
        "1.2.840.10008.1.2.5" => "-xr",
        "1.2.840.10008.1.2.4.70" => "-xs",
        "1.2.840.10008.1.2.4.50" => "-xy",
        "1.2.840.10008.1.2.4.51" => "-xx",
        "1.2.840.10008.1.2.4.80" => "-xt",
        "1.2.840.10008.1.2.4.81" => "-xu",
        "1.2.840.10008.1.2.4.90" => "-xv",
        "1.2.840.10008.1.2.4.91" => "-xw",
        _ => throw new InvalidOperationException($"No storescu option proposes {transferSyntaxUid}"),
    };
}
