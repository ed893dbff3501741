namespace ImageQuality.Dicom.Network.Tests.Interop;

public sealed class EchoscuTests
{
    [Test]
    public async Task Echoscu_gets_an_answer()
    {
        Dcmtk.Require("echoscu");
        await using var server = TestListener.Start();

        ToolResult r = await Dcmtk.RunAsync("echoscu", ["-aet", "X", "-aec", "IMAGEQUALITY", "127.0.0.1", server.PortText]);

        r.ExitCode.Should().Be(0, r.ToString());
    }
}
