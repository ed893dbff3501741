using System.Buffers;

namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// The entropy-coded data of one scan (T.81 B.1.1.5), with byte stuffing undone: FF00 becomes FF, fill bytes FF
/// before a marker are dropped, and each restart marker RSTn starts a new segment. The bytes lie in one pooled
/// buffer followed by zeros, so the bit reader can load eight bytes at any position it reaches without checking
/// for markers or the end; a decoder that reads past a segment's end has met truncated or corrupt data.
/// </summary>
internal sealed class JpegEntropyCodedData : IDisposable
{
    private readonly List<int> _segmentStarts = [0];
    private readonly List<int> _segmentEnds = [];
    private readonly List<byte> _restartMarkers = [];
    private byte[]? _buffer;

    private JpegEntropyCodedData(byte[] buffer)
    {
        _buffer = buffer;
    }

    /// <summary>The unstuffed data of all segments, then at least the padding asked for, zeroed.</summary>
    public byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(JpegEntropyCodedData));

    /// <summary>The position in the codestream after the scan's data: its terminating marker, or the end.</summary>
    public int End { get; private set; }

    public int SegmentCount => _segmentEnds.Count;

    /// <summary>Copies the scan data starting at <paramref name="position"/> out of <paramref name="data"/>.</summary>
    /// <param name="padding">Zero bytes to put after the data (at least 8).</param>
    public static JpegEntropyCodedData Extract(ReadOnlySpan<byte> data, int position, int padding)
    {
        ReadOnlySpan<byte> input = data[position..];
        if (input.Length > (int.MaxValue / 8) - padding)
        {
            throw new DicomPixelDataException($"The JPEG scan holds {input.Length} bytes, more than the decoder handles in one frame.");
        }

        var result = new JpegEntropyCodedData(ArrayPool<byte>.Shared.Rent(input.Length + padding));
        Span<byte> output = result._buffer;
        int i = 0;
        int o = 0;
        while (true)
        {
            int run = input[i..].IndexOf((byte)0xFF);
            if (run < 0)
            {
                input[i..].CopyTo(output[o..]);
                o += input.Length - i;
                i = input.Length;
                break;
            }

            input.Slice(i, run).CopyTo(output[o..]);
            o += run;
            i += run;
            int next = i + 1;
            while (next < input.Length && input[next] == 0xFF)
            {
                next++;
            }

            if (next >= input.Length)
            {
                i = input.Length;
                break;
            }

            byte code = input[next];
            if (code == 0)
            {
                output[o++] = 0xFF;
                i = next + 1;
            }
            else if (JpegMarker.IsRestart(code))
            {
                result._segmentEnds.Add(o);
                result._segmentStarts.Add(o);
                result._restartMarkers.Add(code);
                i = next + 1;
            }
            else
            {
                i = next - 1;
                break;
            }
        }

        result._segmentEnds.Add(o);
        result.End = position + i;
        output.Slice(o, padding).Clear();
        return result;
    }

    /// <summary>Where segment <paramref name="index"/> starts in <see cref="Buffer"/>, in bits.</summary>
    public int SegmentStartBits(int index) => _segmentStarts[index] * 8;

    /// <summary>Where segment <paramref name="index"/> ends in <see cref="Buffer"/>, in bits.</summary>
    public int SegmentEndBits(int index) => _segmentEnds[index] * 8;

    /// <summary>The restart marker that begins segment <paramref name="index"/> (1 or more).</summary>
    public byte RestartMarkerBefore(int index) => _restartMarkers[index - 1];

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }
}
