using ImageQuality.Dicom;
using ImageQuality.Dicom.Imaging;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Bench.Decode;

/// <summary>
/// A larger 16-bit mammogram for timing: the source image's pixels mirrored into tiles of the requested size,
/// written uncompressed, then compressed by dcmcjpeg +e1 (JPEG Lossless SV1, as the IJG library writes it).
/// </summary>
internal static class LargeMammogram
{
    private static readonly DicomTag Rows = new(0x00280010);
    private static readonly DicomTag Columns = new(0x00280011);
    private static readonly DicomTag PixelData = new(0x7FE00010);

    /// <returns>The compressed file, or null (with the reason printed) when dcmcjpeg is missing or fails.</returns>
    public static string? Create(string sourcePath, int width, int height, string work)
    {
        DicomFile source = DicomFile.Open(sourcePath);
        PixelFrame frame = DicomPixelData.Create(source).DecodeFrame(0);
        if (frame.Description.BitsAllocated != 16 || frame.Description.SamplesPerPixel != 1)
        {
            Console.WriteLine("--large needs a 16-bit single-sample source image.");
            return null;
        }

        ReadOnlySpan<ushort> input = frame.AsUInt16();
        byte[] pixels = new byte[width * height * 2];
        for (int y = 0; y < height; y++)
        {
            int sy = Mirror(y, frame.Height);
            for (int x = 0; x < width; x++)
            {
                ushort v = input[(sy * frame.Width) + Mirror(x, frame.Width)];
                pixels[2 * ((y * width) + x)] = (byte)v;
                pixels[(2 * ((y * width) + x)) + 1] = (byte)(v >> 8);
            }
        }

        // A minimal image: the source's own data set may hold things (an icon in JPEG) a native file cannot.
        var dataset = new DicomDataset();
        dataset.AddString(new DicomTag(0x00080016), DicomVR.UI, "1.2.840.10008.5.1.4.1.1.1.2");
        dataset.AddString(new DicomTag(0x00080018), DicomVR.UI, "1.2.826.0.1.3680043.9.7433.99." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        dataset.AddString(new DicomTag(0x00080060), DicomVR.CS, "MG");
        dataset.AddUInt16(new DicomTag(0x00280002), 1);
        dataset.AddString(new DicomTag(0x00280004), DicomVR.CS, "MONOCHROME2");
        dataset.AddUInt16(Rows, (ushort)height);
        dataset.AddUInt16(Columns, (ushort)width);
        dataset.AddUInt16(new DicomTag(0x00280100), 16);
        dataset.AddUInt16(new DicomTag(0x00280101), (ushort)frame.Description.BitsStored);
        dataset.AddUInt16(new DicomTag(0x00280102), (ushort)frame.Description.HighBit);
        dataset.AddUInt16(new DicomTag(0x00280103), 0);
        dataset.Add(new DicomElement(PixelData, DicomVR.OW, pixels));
        string native = Path.Combine(work, "large-native.dcm");
        using (FileStream output = File.Create(native))
        {
            DicomFileWriter.Write(output, null, dataset, TransferSyntax.ExplicitVRLittleEndian);
        }

        string? dcmcjpeg = Tools.FindOnPath("dcmcjpeg");
        string compressed = Path.Combine(work, "large-jpeg-lossless.dcm");
        if (dcmcjpeg is null || Tools.Run(dcmcjpeg, ["+e1", native, compressed]).ExitCode != 0)
        {
            Console.WriteLine("dcmcjpeg is missing or failed: no large test image.");
            return null;
        }

        return compressed;
    }

    /// <summary>Index i of an endless row of mirrored copies of a length-n line.</summary>
    private static int Mirror(int i, int n)
    {
        int period = 2 * n;
        int r = i % period;
        return r < n ? r : period - 1 - r;
    }
}
