using System.Diagnostics;
using System.Globalization;
using ImageQuality.Analysis.Mammography.Positioning;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Imaging;
using ImageQuality.Dicom.IO;

// Positioning latency: a real GE MLO of the corpus scaled up to 3328 x 4096 (the size of the largest detectors,
// 0.07 mm), JPEG Lossless compressed by dcmcjpeg as units send it, then decode + landmarks + measures timed
// RUNS times in one process (model loaded once, as in the service). Prints p50, p95 and the peak working set.
string corpus = args.Length > 0 ? args[0] : Path.Combine(FindRepository(), "..", "shared", "corpus");
int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
string source = Path.Combine(corpus, "mammo_dicom", "GH133_GE_SenographeEssential_R_MLO_JPEGLossless.dcm");
string work = Directory.CreateTempSubdirectory("iq-bench-positioning-").FullName;
try
{
    string file = MakeLargeMammogram(source, 3328, 4096, work);
    using var engine = new PositioningEngine(new PositioningOptions { ModelThreads = 0 });
    Console.WriteLine($"finder: {engine.FinderVersion}; {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    var times = new List<double>();
    PositioningAnalysis? last = null;
    for (int i = 0; i <= runs; i++)
    {
        var clock = Stopwatch.StartNew();
        DicomFile dicom = DicomFile.Open(file);
        last = engine.Analyze(dicom.Dataset, dicom.TransferSyntax, "MLO");
        clock.Stop();
        if (i > 0)
        {
            // The first run pays for JIT and the model's first allocation; the service pays it once per process.
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
    }

    times.Sort();
    double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"3328 x 4096 JPEG Lossless MLO, {runs} runs: p50 {P(0.5):0} ms, p95 {P(0.95):0} ms, min {times[0]:0} ms, max {times[^1]:0} ms"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB; load average at end {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PNL {last!.Measures.PnlLengthMm:0} mm, method {last.Method}"));
}
finally
{
    Directory.Delete(work, recursive: true);
}

static string MakeLargeMammogram(string sourcePath, int width, int height, string work)
{
    DicomFile source = DicomFile.Open(sourcePath);
    PixelFrame frame = DicomPixelData.Create(source).DecodeFrame(0);
    ReadOnlySpan<ushort> input = frame.AsUInt16();
    byte[] pixels = new byte[width * height * 2];
    for (int y = 0; y < height; y++)
    {
        int sy = Math.Min(frame.Height - 1, (int)((long)y * frame.Height / height));
        for (int x = 0; x < width; x++)
        {
            ushort v = input[(sy * frame.Width) + Math.Min(frame.Width - 1, (int)((long)x * frame.Width / width))];
            pixels[2 * ((y * width) + x)] = (byte)v;
            pixels[(2 * ((y * width) + x)) + 1] = (byte)(v >> 8);
        }
    }

    var ds = new DicomDataset();
    ds.AddString(DicomTag.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.1.2");
    ds.AddString(DicomTag.SOPInstanceUID, DicomVR.UI, "2.25.1" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    ds.AddString(DicomTag.Modality, DicomVR.CS, "MG");
    ds.AddString(DicomTag.ViewPosition, DicomVR.CS, "MLO");
    ds.AddString(DicomTag.ImageLaterality, DicomVR.CS, "R");
    ds.AddString(DicomTag.PatientOrientation, DicomVR.CS, "P\\FL");
    ds.AddString(DicomTag.ImagerPixelSpacing, DicomVR.DS, "0.07\\0.07");
    ds.AddString(DicomTag.CompressionForce, DicomVR.DS, "100");
    ds.AddUInt16(DicomTag.SamplesPerPixel, 1);
    ds.AddString(DicomTag.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
    ds.AddUInt16(DicomTag.Rows, (ushort)height);
    ds.AddUInt16(DicomTag.Columns, (ushort)width);
    ds.AddUInt16(DicomTag.BitsAllocated, 16);
    ds.AddUInt16(DicomTag.BitsStored, (ushort)frame.Description.BitsStored);
    ds.AddUInt16(DicomTag.HighBit, (ushort)frame.Description.HighBit);
    ds.AddUInt16(DicomTag.PixelRepresentation, 0);
    ds.Add(new DicomElement(DicomTag.PixelData, DicomVR.OW, pixels));
    string native = Path.Combine(work, "native.dcm");
    using (FileStream output = File.Create(native))
    {
        DicomFileWriter.Write(output, null, ds, TransferSyntax.ExplicitVRLittleEndian);
    }

    string compressed = Path.Combine(work, "jpeg-lossless.dcm");
    using var dcmcjpeg = Process.Start(new ProcessStartInfo("dcmcjpeg", ["+e1", native, compressed]) { RedirectStandardError = true })!;
    dcmcjpeg.WaitForExit();
    return dcmcjpeg.ExitCode == 0 ? compressed : native;
}

static string FindRepository()
{
    for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
    {
        if (File.Exists(Path.Combine(d.FullName, "ImageQuality.sln")))
        {
            return d.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
