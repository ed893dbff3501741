namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// The accurate integer inverse DCT of the IJG library ("islow", jidctint.c: Loeffler, Ligtenberg and Moschytz
/// with 13-bit fixed-point constants), which dcmtk's libijg8/libijg12 use by default, so that decoded samples
/// agree with dcmdjpeg's exactly. Dequantization is folded into the first pass; the output passes through
/// libjpeg's range-limit table (wrapping at 4x the sample range, then clamping).
/// </summary>
internal sealed class JpegIdct
{
    private const int ConstBits = 13;
    private const long Fix0298631336 = 2446;
    private const long Fix0390180644 = 3196;
    private const long Fix0541196100 = 4433;
    private const long Fix0765366865 = 6270;
    private const long Fix0899976223 = 7373;
    private const long Fix1175875602 = 9633;
    private const long Fix1501321110 = 12299;
    private const long Fix1847759065 = 15137;
    private const long Fix1961570560 = 16069;
    private const long Fix2053119869 = 16819;
    private const long Fix2562915447 = 20995;
    private const long Fix3072711026 = 25172;

    private static readonly JpegIdct Idct8 = new(8);
    private static readonly JpegIdct Idct12 = new(12);

    private readonly int _pass1Bits;
    private readonly int _rangeMask;
    private readonly ushort[] _rangeLimit;

    private JpegIdct(int precision)
    {
        // libjpeg keeps two more bits of precision between the passes for 8-bit samples than for 12-bit ones.
        _pass1Bits = precision == 8 ? 2 : 1;
        int max = (1 << precision) - 1;
        int center = 1 << (precision - 1);
        _rangeMask = (4 * (max + 1)) - 1;
        _rangeLimit = new ushort[4 * (max + 1)];
        for (int i = 0; i < _rangeLimit.Length; i++)
        {
            // The index is the IDCT output modulo 4*(max+1), read as a signed number, then shifted by the centre.
            int v = i < 2 * (max + 1) ? i : i - (4 * (max + 1));
            _rangeLimit[i] = (ushort)Math.Clamp(v + center, 0, max);
        }
    }

    public static JpegIdct For(int precision) => precision == 8 ? Idct8 : Idct12;

    /// <summary>
    /// Transforms one block of quantized coefficients (natural order) into 8x8 samples written at
    /// <paramref name="offset"/> of <paramref name="output"/>, lines <paramref name="stride"/> apart.
    /// </summary>
    public void Transform(ReadOnlySpan<short> coefficients, ReadOnlySpan<int> quantization, Span<int> workspace, Span<ushort> output, int offset, int stride)
    {
        int pass1Bits = _pass1Bits;
        coefficients = coefficients[..64];
        quantization = quantization[..64];
        workspace = workspace[..64];

        // Pass 1: columns from the input into the workspace, scaled up by 2^pass1Bits.
        for (int c = 0; c < 8; c++)
        {
            if (coefficients[8 + c] == 0 && coefficients[16 + c] == 0 && coefficients[24 + c] == 0 && coefficients[32 + c] == 0
                && coefficients[40 + c] == 0 && coefficients[48 + c] == 0 && coefficients[56 + c] == 0)
            {
                // No AC terms: the column is constant (the full computation gives the same value).
                int dc = (int)((long)coefficients[c] * quantization[c]) << pass1Bits;
                for (int r = 0; r < 8; r++)
                {
                    workspace[(r * 8) + c] = dc;
                }

                continue;
            }

            Butterfly(
                (long)coefficients[c] * quantization[c],
                (long)coefficients[8 + c] * quantization[8 + c],
                (long)coefficients[16 + c] * quantization[16 + c],
                (long)coefficients[24 + c] * quantization[24 + c],
                (long)coefficients[32 + c] * quantization[32 + c],
                (long)coefficients[40 + c] * quantization[40 + c],
                (long)coefficients[48 + c] * quantization[48 + c],
                (long)coefficients[56 + c] * quantization[56 + c],
                ConstBits - pass1Bits,
                out long o0,
                out long o1,
                out long o2,
                out long o3,
                out long o4,
                out long o5,
                out long o6,
                out long o7);
            workspace[c] = (int)o0;
            workspace[8 + c] = (int)o1;
            workspace[16 + c] = (int)o2;
            workspace[24 + c] = (int)o3;
            workspace[32 + c] = (int)o4;
            workspace[40 + c] = (int)o5;
            workspace[48 + c] = (int)o6;
            workspace[56 + c] = (int)o7;
        }

        // Pass 2: rows from the workspace into the output, descaled by 2^(13 + pass1Bits + 3).
        int shift = ConstBits + pass1Bits + 3;
        int mask = _rangeMask;
        ReadOnlySpan<ushort> limit = _rangeLimit;
        for (int r = 0; r < 8; r++)
        {
            ReadOnlySpan<int> w = workspace.Slice(r * 8, 8);
            Span<ushort> o = output.Slice(offset + (r * stride), 8);
            Butterfly(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], shift, out long o0, out long o1, out long o2, out long o3, out long o4, out long o5, out long o6, out long o7);
            o[0] = limit[(int)o0 & mask];
            o[1] = limit[(int)o1 & mask];
            o[2] = limit[(int)o2 & mask];
            o[3] = limit[(int)o3 & mask];
            o[4] = limit[(int)o4 & mask];
            o[5] = limit[(int)o5 & mask];
            o[6] = limit[(int)o6 & mask];
            o[7] = limit[(int)o7 & mask];
        }
    }

    /// <summary>The 1-D IDCT of jidctint.c on eight values, outputs descaled (rounded) by 2^<paramref name="descale"/>.</summary>
    private static void Butterfly(
        long in0, long in1, long in2, long in3, long in4, long in5, long in6, long in7, int descale,
        out long out0, out long out1, out long out2, out long out3, out long out4, out long out5, out long out6, out long out7)
    {
        // Even part: the rotator is sqrt(2)*c(-6).
        long z1 = (in2 + in6) * Fix0541196100;
        long tmp2 = z1 + (in6 * -Fix1847759065);
        long tmp3 = z1 + (in2 * Fix0765366865);
        long tmp0 = (in0 + in4) << ConstBits;
        long tmp1 = (in0 - in4) << ConstBits;
        long tmp10 = tmp0 + tmp3;
        long tmp13 = tmp0 - tmp3;
        long tmp11 = tmp1 + tmp2;
        long tmp12 = tmp1 - tmp2;

        // Odd part (figure 8 of the paper): inputs 7, 5, 3, 1.
        tmp0 = in7;
        tmp1 = in5;
        tmp2 = in3;
        tmp3 = in1;
        z1 = tmp0 + tmp3;
        long z2 = tmp1 + tmp2;
        long z3 = tmp0 + tmp2;
        long z4 = tmp1 + tmp3;
        long z5 = (z3 + z4) * Fix1175875602;
        tmp0 *= Fix0298631336;
        tmp1 *= Fix2053119869;
        tmp2 *= Fix3072711026;
        tmp3 *= Fix1501321110;
        z1 *= -Fix0899976223;
        z2 *= -Fix2562915447;
        z3 *= -Fix1961570560;
        z4 *= -Fix0390180644;
        z3 += z5;
        z4 += z5;
        tmp0 += z1 + z3;
        tmp1 += z2 + z4;
        tmp2 += z2 + z3;
        tmp3 += z1 + z4;

        long round = 1L << (descale - 1);
        out0 = (tmp10 + tmp3 + round) >> descale;
        out7 = (tmp10 - tmp3 + round) >> descale;
        out1 = (tmp11 + tmp2 + round) >> descale;
        out6 = (tmp11 - tmp2 + round) >> descale;
        out2 = (tmp12 + tmp1 + round) >> descale;
        out5 = (tmp12 - tmp1 + round) >> descale;
        out3 = (tmp13 + tmp0 + round) >> descale;
        out4 = (tmp13 - tmp0 + round) >> descale;
    }
}
