using ImageQuality.Dicom.IO;
using ImageQuality.Dicom.Network.Client;
using ImageQuality.Dicom.Network.Dimse;
using ImageQuality.Dicom.Network.Storage;

namespace ImageQuality.Dicom.Network.Tests.Interop;

/// <summary>Duplicate instances, the free-space watermark and what readers of the store tree can see.</summary>
public sealed class StoragePolicyTests
{
    private static readonly DicomClientOptions Client = new() { CallingAeTitle = "DUPSENDER", CalledAeTitle = "IMAGEQUALITY" };

    [Test]
    public async Task A_duplicate_is_answered_success_and_the_first_copy_is_kept_by_default()
    {
        (string original, string changed) = OriginalAndChangedCopy();
        await using var server = TestListener.Start();
        var client = new DicomClient("127.0.0.1", server.Port, Client);

        IReadOnlyList<DicomStoreResult> results = await client.StoreAsync([original, changed]);

        results.Should().OnlyContain(r => r.Sent && r.Status == DicomStatus.Success, string.Join("\n", results));
        server.AllFiles().Should().ContainSingle("one copy stays and no temporary file is left");
        DicomFile.Open(server.StoredFiles()[0]).Dataset.GetString(DicomTag.PatientName).Should().Be(DicomFile.Open(original).Dataset.GetString(DicomTag.PatientName));
        string uid = DicomFile.Open(original).Dataset.GetString(DicomTag.SOPInstanceUID)!;
        server.LogLines.Where(l => l.Contains("duplicate SOP instance", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().Contain(uid).And.Contain("DUPSENDER").And.Contain("kept the stored copy");
        server.Store.Received.Count.Should().Be(1, "the discarded copy put nothing new in place");
        File.Delete(changed);
    }

    [Test]
    public async Task A_duplicate_replaces_the_stored_copy_under_the_overwrite_policy()
    {
        (string original, string changed) = OriginalAndChangedCopy();
        await using var server = TestListener.Start(storeOptions: new DicomFolderStoreOptions { DuplicatePolicy = DuplicateInstancePolicy.Overwrite });
        var client = new DicomClient("127.0.0.1", server.Port, Client);

        IReadOnlyList<DicomStoreResult> results = await client.StoreAsync([original, changed]);

        results.Should().OnlyContain(r => r.Sent && r.Status == DicomStatus.Success, string.Join("\n", results));
        server.AllFiles().Should().ContainSingle();
        DicomFile.Open(server.StoredFiles()[0]).Dataset.GetString(DicomTag.PatientName).Should().Be("CHANGED^COPY");
        server.LogLines.Where(l => l.Contains("duplicate SOP instance", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().Contain("replaced the stored copy").And.Contain("DUPSENDER");
        server.Store.Received.TryRead(out ReceivedInstance? first).Should().BeTrue();
        server.Store.Received.TryRead(out ReceivedInstance? second).Should().BeTrue();
        (first!.ReplacedExisting, second!.ReplacedExisting).Should().Be((false, true));
        File.Delete(changed);
    }

    [Test]
    public async Task Below_the_free_space_watermark_every_store_is_refused_with_a700_and_the_association_goes_on()
    {
        string[] files = [.. StoreCorpus.Files().Take(3)];
        await using var server = TestListener.Start(storeOptions: new DicomFolderStoreOptions { MinFreeBytes = long.MaxValue });
        var client = new DicomClient("127.0.0.1", server.Port, Client);

        // Several instances on one association: each refusal is answered after its data set was read and
        // discarded, so the next request on the same association is understood.
        IReadOnlyList<DicomStoreResult> results = await client.StoreAsync(files);

        results.Should().HaveCount(files.Length);
        results.Should().OnlyContain(r => r.Sent && r.Status == DicomStatus.OutOfResources && r.ErrorComment!.Contains("free-space", StringComparison.Ordinal), string.Join("\n", results));
        server.AllFiles().Should().BeEmpty("nothing is written, not even a temporary file");
        server.LogLines.Count(l => l.Contains("refused with 0xA700", StringComparison.Ordinal)).Should().Be(files.Length);
        (await client.EchoAsync()).Should().Be(DicomStatus.Success);
    }

    [Test]
    public async Task Storescu_reports_the_refusal_as_out_of_resources()
    {
        Dcmtk.Require("storescu");
        string file = StoreCorpus.Files()[0];
        await using var server = TestListener.Start(storeOptions: new DicomFolderStoreOptions { MinFreeBytes = long.MaxValue });

        ToolResult r = await Dcmtk.RunAsync("storescu", ["-v", "-aet", "MODALITY", "-aec", "IMAGEQUALITY", "127.0.0.1", server.PortText, file]);

        r.Output.Should().Contain("Refused: OutOfResources", r.ToString());
        server.AllFiles().Should().BeEmpty();
    }

    [Test]
    public async Task Readers_of_the_store_tree_never_see_a_temporary_or_partial_file()
    {
        Dcmtk.Require("storescu");
        string[] files = StoreCorpus.Files();
        await using var server = TestListener.Start();
        var seen = new HashSet<string>();
        var bad = new List<string>();
        using var stop = new CancellationTokenSource();

        // A reader polls the tree as fast as it can while instances arrive; each file it sees must be a final
        // name whose content is whole (a complete Part 10 file), never a temporary one.
        Task watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (string path in VisibleFiles(server.Root))
                {
                    if (seen.Add(path) && !IsWholeInstance(path))
                    {
                        bad.Add(path);
                    }
                }

                await Task.Yield();
            }
        });

        ToolResult[] runs = await Task.WhenAll(files.GroupBy(f => DicomFile.Open(f).TransferSyntax.Uid).Select(g =>
            Dcmtk.RunAsync("storescu", ["-aet", "MODALITY", "-aec", "IMAGEQUALITY", StorescuTests.ProposeFlag(g.Key), "127.0.0.1", server.PortText, .. g])));
        await stop.CancelAsync();
        await watcher;

        runs.Should().OnlyContain(r => r.ExitCode == 0);
        bad.Should().BeEmpty();
        seen.Should().OnlyContain(p => p.EndsWith(".dcm", StringComparison.Ordinal));
        seen.Should().HaveCount(files.Length);
    }

    private static IEnumerable<string> VisibleFiles(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        return Directory.EnumerateFiles(root, "*", options).Where(p => !p.Contains(DicomFolderStore.IncomingFolderName, StringComparison.Ordinal));
    }

    private static bool IsWholeInstance(string path)
    {
        try
        {
            DicomFile file = DicomFile.Open(path);
            return file.Dataset.GetString(DicomTag.SOPInstanceUID) is not null;
        }
        catch (Exception e) when (e is DicomFormatException or InvalidDataException or EndOfStreamException)
        {
            return false;
        }
    }

    /// <summary>A corpus file and a copy of it under the same SOP Instance UID with another patient name.</summary>
    private static (string Original, string Changed) OriginalAndChangedCopy()
    {
        string original = StoreCorpus.Files().First(f => f.EndsWith("CT_small.dcm", StringComparison.Ordinal));
        DicomFile copy = DicomFile.Open(original);
        copy.Dataset.AddString(DicomTag.PatientName, "CHANGED^COPY");
        string changed = Path.Combine(Path.GetTempPath(), "iq-dup-" + Guid.NewGuid().ToString("N") + ".dcm");
        DicomFileWriter.Write(changed, copy);
        return (original, changed);
    }
}
