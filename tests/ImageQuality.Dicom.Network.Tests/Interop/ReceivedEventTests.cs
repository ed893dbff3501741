using ImageQuality.Dicom.Network.Client;
using ImageQuality.Dicom.Network.Dimse;
using ImageQuality.Dicom.Network.Storage;

namespace ImageQuality.Dicom.Network.Tests.Interop;

/// <summary>The bounded channel of received instances: nothing lost, and a stalled consumer never wedges the listener.</summary>
public sealed class ReceivedEventTests
{
    [Test]
    public async Task A_consumer_of_the_channel_sees_every_instance_storescu_sent()
    {
        Dcmtk.Require("storescu");
        string[] files = StoreCorpus.Files();

        // A channel far smaller than the corpus: the consumer, not the capacity, must let every instance through.
        await using var server = TestListener.Start(storeOptions: new DicomFolderStoreOptions { EventChannelCapacity = 2 });
        var received = new List<ReceivedInstance>();
        using var done = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Task consumer = Task.Run(async () =>
        {
            while (received.Count < files.Length)
            {
                received.Add(await server.Store.Received.ReadAsync(done.Token));
                await Task.Delay(5);
            }
        });

        ToolResult[] runs = await Task.WhenAll(files.GroupBy(f => DicomFile.Open(f).TransferSyntax.Uid).Select(g =>
            Dcmtk.RunAsync("storescu", ["-aet", "MODALITY", "-aec", "IMAGEQUALITY", StorescuTests.ProposeFlag(g.Key), "127.0.0.1", server.PortText, .. g])));
        await consumer;

        runs.Should().OnlyContain(r => r.ExitCode == 0);
        received.Select(r => r.SopInstanceUid).Should().BeEquivalentTo(files.Select(f => DicomFile.Open(f).Dataset.GetString(DicomTag.SOPInstanceUID)));
        foreach (ReceivedInstance instance in received)
        {
            File.Exists(instance.Path).Should().BeTrue();
            instance.Size.Should().Be(new FileInfo(instance.Path).Length);
            instance.CallingAeTitle.Should().Be("MODALITY");
            DicomFile stored = DicomFile.Open(instance.Path);
            stored.TransferSyntax.Uid.Should().Be(instance.TransferSyntaxUid);
            (stored.Dataset.GetString(DicomTag.StudyInstanceUID) ?? string.Empty, stored.Dataset.GetString(DicomTag.SeriesInstanceUID) ?? string.Empty, stored.Dataset.GetString(DicomTag.SOPClassUID))
                .Should().Be((instance.StudyInstanceUid, instance.SeriesInstanceUid, instance.SopClassUid));
            instance.ReceivedAt.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        }
    }

    [Test]
    public async Task A_full_channel_without_a_reader_aborts_that_association_after_the_dimse_timeout_and_loses_nothing()
    {
        string[] files = [.. StoreCorpus.Files().Take(4)];
        await using var server = TestListener.Start(o => o.DimseTimeout = TimeSpan.FromSeconds(1), new DicomFolderStoreOptions { EventChannelCapacity = 2 });
        var client = new DicomClient("127.0.0.1", server.Port, new DicomClientOptions { CallingAeTitle = "STALLED", CalledAeTitle = "IMAGEQUALITY" });

        Func<Task> stalled = () => client.StoreAsync(files);

        // Two instances fill the channel; the third waits for a slot before it is put in place, its response
        // waits with it, and the listener's DIMSE timeout aborts the association.
        await stalled.Should().ThrowAsync<DicomAssociationAbortedException>();
        await RefusalTests.WaitUntilAsync(() => server.AllFiles().Length == 2);
        server.StoredFiles().Should().HaveCount(2, "the waiting instance was never put in place and its temporary file is gone");
        server.LogLines.Should().Contain(l => l.Contains("DIMSE timeout", StringComparison.Ordinal));

        // The read loop was not wedged: the listener still answers, and the two events match the two files.
        (await client.EchoAsync()).Should().Be(DicomStatus.Success);
        var events = new List<ReceivedInstance>();
        while (server.Store.Received.TryRead(out ReceivedInstance? e))
        {
            events.Add(e);
        }

        events.Select(e => e.Path).Should().BeEquivalentTo(server.StoredFiles());

        // With a reader the sender's retry goes through: the two already stored are kept (duplicates), the rest arrive.
        IReadOnlyList<DicomStoreResult> retry = await client.StoreAsync(files);
        retry.Should().OnlyContain(r => r.Status == DicomStatus.Success);
        server.StoredFiles().Should().HaveCount(4);
        server.Store.Received.Count.Should().Be(2);
    }
}
