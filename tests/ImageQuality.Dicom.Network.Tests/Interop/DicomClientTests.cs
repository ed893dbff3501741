using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using ImageQuality.Dicom.Network.Client;
using ImageQuality.Dicom.Network.Dimse;
using ImageQuality.Dicom.Network.Pdus;

namespace ImageQuality.Dicom.Network.Tests.Interop;

public sealed class DicomClientTests
{
    [Test]
    public async Task Our_client_echoes_and_stores_to_our_listener()
    {
        string[] files = StoreCorpus.Files();
        await using var server = TestListener.Start();
        var client = new DicomClient("127.0.0.1", server.Port, new DicomClientOptions { CallingAeTitle = "IQTEST", CalledAeTitle = "IMAGEQUALITY" });

        (await client.EchoAsync()).Should().Be(DicomStatus.Success);
        IReadOnlyList<DicomStoreResult> results = await client.StoreAsync(files);

        results.Should().HaveCount(files.Length);
        results.Should().OnlyContain(r => r.Sent && r.Status == DicomStatus.Success);
        foreach (string source in files)
        {
            DicomFile sent = DicomFile.Open(source);
            DicomFile received = DicomFile.Open(StoreCorpus.StoredPath(server.Root, source));
            received.TransferSyntax.Should().Be(sent.TransferSyntax, "our listener accepts every syntax the client proposes first");
            received.FileMetaInformation.GetString(DicomTag.SourceApplicationEntityTitle).Should().Be("IQTEST");
            DatasetComparison.ShouldEqual(received.Dataset, sent.Dataset, compareVR: true, source);
        }
    }

    [Test]
    public async Task Our_client_stores_to_dcmtk_storescp()
    {
        Dcmtk.Require("storescp");
        string[] files = StoreCorpus.Files();
        string output = Path.Combine(Path.GetTempPath(), "iq-storescp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        int port = FreePort.Next();

        // +xa accepts every transfer syntax; -fe names files by SOP instance so that they can be found.
        using Process storescp = Dcmtk.Start("storescp", ["-aet", "STORESCP", "+xa", "-od", output, "-uf", "-fe", ".dcm", port.ToString(CultureInfo.InvariantCulture)]);
        try
        {
            await WaitForPortAsync(port);
            var client = new DicomClient("127.0.0.1", port, new DicomClientOptions { CalledAeTitle = "STORESCP" });

            (await client.EchoAsync()).Should().Be(DicomStatus.Success);
            IReadOnlyList<DicomStoreResult> results = await client.StoreAsync(files);

            results.Should().OnlyContain(r => r.Sent && r.Status == DicomStatus.Success, string.Join("\n", results));
            foreach (string source in files)
            {
                DicomFile sent = DicomFile.Open(source);
                string modality = "*";
                string[] found = Directory.GetFiles(output, $"{modality}.{sent.Dataset.GetString(DicomTag.SOPInstanceUID)}.dcm");
                found.Should().ContainSingle($"storescp should have {source}");
                DicomFile received = DicomFile.Open(found[0]);
                DatasetComparison.ShouldEqual(received.Dataset, sent.Dataset, compareVR: received.TransferSyntax.Equals(sent.TransferSyntax), source);
            }
        }
        catch
        {
            storescp.Kill(entireProcessTree: true);
            TestContext.Out.WriteLine(await storescp.StandardOutput.ReadToEndAsync() + await storescp.StandardError.ReadToEndAsync());
            throw;
        }
        finally
        {
            storescp.Kill(entireProcessTree: true);
            await storescp.WaitForExitAsync();
            Directory.Delete(output, recursive: true);
        }
    }

    [Test]
    public async Task A_rejected_association_is_reported_with_its_reason()
    {
        await using var server = TestListener.Start();
        var client = new DicomClient("127.0.0.1", server.Port, new DicomClientOptions { CalledAeTitle = "SOMEONE-ELSE" });

        Func<Task> echo = () => client.EchoAsync();

        DicomAssociationRejectedException e = (await echo.Should().ThrowAsync<DicomAssociationRejectedException>()).Which;
        (e.Result, e.RejectSource, e.Reason).Should().Be((RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.CalledAeTitleNotRecognized));
    }

    internal static async Task WaitForPortAsync(int port)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }
        }
    }
}
