namespace ImageQuality.Dicom.Network.Tests.Interop;

[Explicit("Development aid")]
public sealed class DebugRun
{
    [Test]
    public async Task Run()
    {
        await using var server = TestListener.Start();
        string[] files = [.. StoreCorpus.Files().Take(4)];
        ToolResult r = await Dcmtk.RunAsync("storescu", ["-d", "-aet", "MODALITY", "-aec", "IMAGEQUALITY", "-R", "127.0.0.1", server.PortText, .. files]);
        TestContext.Out.WriteLine(r.ToString());
    }
}
