using System.Runtime.InteropServices;

namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// Walks the markers of one JPEG codestream (T.81 B.2: SOI, tables, frame header, scans, EOI) and decodes it into
/// samples interleaved by pixel, one byte each (<c>bytesPerSample</c> 1) or one little endian 16-bit word each.
/// </summary>
internal sealed class JpegDecoder
{
    private readonly JpegTables _tables = new();
    private JpegFrameHeader? _frame;
    private JpegDctDecoder? _dct;

    /// <summary>The frame header, once decoded.</summary>
    public JpegFrameHeader Frame => _frame ?? throw new InvalidOperationException("Nothing has been decoded.");

    /// <summary>
    /// Decodes <paramref name="data"/> into <paramref name="destination"/>. The frame must be
    /// <paramref name="columns"/> x <paramref name="rows"/> with <paramref name="samplesPerPixel"/> components;
    /// <paramref name="convertYCbCr"/> asks for three-component output in RGB.
    /// </summary>
    public void Decode(ReadOnlySpan<byte> data, int rows, int columns, int samplesPerPixel, int bytesPerSample, bool convertYCbCr, Span<byte> destination)
    {
        if (data.Length < 2 || data[0] != 0xFF || data[1] != JpegMarker.SOI)
        {
            throw new DicomPixelDataException("The frame is not a JPEG codestream: it does not start with the SOI marker (FFD8).");
        }

        int position = 2;
        bool ended = false;
        while (!ended)
        {
            int at = JpegMarkerReader.FindMarker(data, position);
            if (at < 0)
            {
                break;
            }

            byte marker = data[at + 1];
            position = at + 2;
            if (JpegMarker.IsStandalone(marker))
            {
                if (marker == JpegMarker.SOI)
                {
                    throw new DicomPixelDataException("The JPEG data has a second SOI marker (corrupt).");
                }

                ended = marker == JpegMarker.EOI;
                continue;
            }

            ReadOnlySpan<byte> segment = JpegMarkerReader.ReadSegment(data, ref position, marker);
            switch (marker)
            {
                case JpegMarker.DQT:
                    _tables.ReadQuantizationTables(segment);
                    break;
                case JpegMarker.DHT:
                    _tables.ReadHuffmanTables(segment);
                    break;
                case JpegMarker.DRI:
                    _tables.ReadRestartInterval(segment);
                    break;
                case JpegMarker.DAC:
                    throw new DicomPixelDataException("Arithmetic-coded JPEG is not supported (DAC marker).");
                case JpegMarker.SOS:
                    position = DecodeScan(data, position, segment, bytesPerSample, destination);
                    break;
                default:
                    if (JpegMarker.IsStartOfFrame(marker))
                    {
                        if (_frame is not null)
                        {
                            throw new DicomPixelDataException("The JPEG data has a second frame header (hierarchical or corrupt).");
                        }

                        _frame = JpegFrameHeader.Parse(marker, segment);
                        Check(_frame, rows, columns, samplesPerPixel, bytesPerSample, destination.Length);
                        _dct = _frame.IsLossless ? null : new JpegDctDecoder(_frame);
                    }

                    // APPn, COM and other segments carry nothing the decoder needs.
                    break;
            }
        }

        if (_frame is null)
        {
            throw new DicomPixelDataException("The JPEG data has no frame header (SOF) (truncated or not an image).");
        }

        foreach (JpegComponent c in _frame.Components)
        {
            if (!c.Decoded)
            {
                throw new DicomPixelDataException($"The JPEG data ends before a scan of component {c.Id} (truncated).");
            }
        }

        if (_dct is not null)
        {
            WriteDctOutput(_frame, _dct.Planes, convertYCbCr, bytesPerSample, destination);
        }
        else if (convertYCbCr && _frame.Components.Length == 3)
        {
            ConvertInPlace(_frame, bytesPerSample, destination);
        }

        if (bytesPerSample == 2 && !BitConverter.IsLittleEndian)
        {
            Span<ushort> words = MemoryMarshal.Cast<byte, ushort>(destination[..(2 * rows * columns * samplesPerPixel)]);
            System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(words, words);
        }
    }

    private static void Check(JpegFrameHeader frame, int rows, int columns, int samplesPerPixel, int bytesPerSample, int destinationLength)
    {
        if (frame.Width != columns || frame.Height != rows)
        {
            throw new DicomPixelDataException($"The JPEG frame is {frame.Width}x{frame.Height}; the data set says {columns}x{rows}.");
        }

        if (frame.Components.Length != samplesPerPixel)
        {
            throw new DicomPixelDataException($"The JPEG frame has {frame.Components.Length} component(s); the data set says {samplesPerPixel} sample(s) per pixel.");
        }

        if (frame.Precision > 8 * bytesPerSample)
        {
            throw new DicomPixelDataException($"The JPEG frame has {frame.Precision}-bit samples, more than Bits Allocated {8 * bytesPerSample} holds.");
        }

        if ((long)rows * columns * samplesPerPixel * bytesPerSample > destinationLength)
        {
            throw new ArgumentException("The destination is smaller than one frame.", nameof(destinationLength));
        }
    }

    private int DecodeScan(ReadOnlySpan<byte> data, int position, ReadOnlySpan<byte> segment, int bytesPerSample, Span<byte> destination)
    {
        JpegScanHeader scan = JpegScanHeader.Parse(segment, _frame);
        JpegFrameHeader frame = _frame!;
        using var entropyCoded = JpegEntropyCodedData.Extract(data, position, _dct is null ? JpegLosslessDecoder.Padding(frame) : JpegDctDecoder.Padding);
        if (_dct is not null)
        {
            _dct.DecodeScan(entropyCoded, scan, _tables);
            return entropyCoded.End;
        }

        int samples = frame.Width * frame.Height * frame.Components.Length;
        if (bytesPerSample == 1)
        {
            JpegLosslessDecoder.DecodeScan(entropyCoded, frame, scan, _tables, destination[..samples]);
        }
        else
        {
            JpegLosslessDecoder.DecodeScan(entropyCoded, frame, scan, _tables, MemoryMarshal.Cast<byte, ushort>(destination[..(2 * samples)]));
        }

        foreach (JpegComponent c in scan.Components)
        {
            c.Decoded = true;
        }

        return entropyCoded.End;
    }

    /// <summary>Crops the sample planes to the image, upsamples subsampled components, converts colour, interleaves.</summary>
    private static void WriteDctOutput(JpegFrameHeader frame, ushort[][] planes, bool convertYCbCr, int bytesPerSample, Span<byte> destination)
    {
        int width = frame.Width;
        int height = frame.Height;
        int n = frame.Components.Length;
        var sources = new ushort[n][];
        int[] strides = new int[n];
        for (int i = 0; i < n; i++)
        {
            JpegComponent c = frame.Components[i];
            ushort[]? full = n == 1 ? null : JpegUpsampler.Upsample(frame, c, planes[i]);
            sources[i] = full ?? planes[i];
            strides[i] = full is null ? c.BlocksPerLine * 8 : width;
        }

        Span<ushort> words = bytesPerSample == 2 ? MemoryMarshal.Cast<byte, ushort>(destination[..(2 * width * height * n)]) : default;
        Span<byte> bytes = destination[..(width * height * n * bytesPerSample)];
        var converter = new JpegColorConverter(frame.Precision);
        bool convert = convertYCbCr && n == 3;
        int o = 0;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                if (convert)
                {
                    converter.Convert(sources[0][(y * strides[0]) + x], sources[1][(y * strides[1]) + x], sources[2][(y * strides[2]) + x], out int r, out int g, out int b);
                    Put(words, bytes, o++, r);
                    Put(words, bytes, o++, g);
                    Put(words, bytes, o++, b);
                }
                else
                {
                    for (int i = 0; i < n; i++)
                    {
                        Put(words, bytes, o++, sources[i][(y * strides[i]) + x]);
                    }
                }
            }
        }
    }

    private static void ConvertInPlace(JpegFrameHeader frame, int bytesPerSample, Span<byte> destination)
    {
        int pixels = frame.Width * frame.Height;
        Span<ushort> words = bytesPerSample == 2 ? MemoryMarshal.Cast<byte, ushort>(destination[..(6 * pixels)]) : default;
        Span<byte> bytes = destination[..(3 * pixels * bytesPerSample)];
        var converter = new JpegColorConverter(frame.Precision);
        for (int i = 0; i < 3 * pixels; i += 3)
        {
            int y = bytesPerSample == 2 ? words[i] : bytes[i];
            int cb = bytesPerSample == 2 ? words[i + 1] : bytes[i + 1];
            int cr = bytesPerSample == 2 ? words[i + 2] : bytes[i + 2];
            converter.Convert(y, cb, cr, out int r, out int g, out int b);
            Put(words, bytes, i, r);
            Put(words, bytes, i + 1, g);
            Put(words, bytes, i + 2, b);
        }
    }

    private static void Put(Span<ushort> words, Span<byte> bytes, int index, int value)
    {
        if (words.IsEmpty)
        {
            bytes[index] = (byte)value;
        }
        else
        {
            words[index] = (ushort)value;
        }
    }
}
