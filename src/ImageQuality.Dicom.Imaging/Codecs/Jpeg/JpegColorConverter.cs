namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// YCbCr to RGB (JFIF / ITU-R BT.601 full range) in the arithmetic of libjpeg's jdcolor.c (16 fraction bits,
/// rounded as its tables are), so converted samples equal dcmdjpeg's. dcmtk's 16-bit build computes the Cr to R
/// and Cb to B terms in floating point instead (its fixed point would overflow), truncating toward zero.
/// </summary>
internal readonly struct JpegColorConverter
{
    private const int ScaleBits = 16;
    private const long OneHalf = 1L << (ScaleBits - 1);
    private const long CrToR = 91881;   // FIX(1.40200)
    private const long CbToB = 116130;  // FIX(1.77200)
    private const long CrToG = 46802;   // FIX(0.71414)
    private const long CbToG = 22554;   // FIX(0.34414)

    private readonly int _max;
    private readonly int _center;
    private readonly bool _sixteenBit;

    /// <summary>The sample range of the IJG library build dcmtk picks for this precision: 8, 12 or 16 bits.</summary>
    public JpegColorConverter(int precision)
    {
        int bits = precision <= 8 ? 8 : precision <= 12 ? 12 : 16;
        _max = (1 << bits) - 1;
        _center = 1 << (bits - 1);
        _sixteenBit = bits == 16;
    }

    public void Convert(int y, int cb, int cr, out int r, out int g, out int b)
    {
        long xcb = cb - _center;
        long xcr = cr - _center;
        int crToR = _sixteenBit ? (int)((1.40200 * xcr) + 0.5) : (int)(((CrToR * xcr) + OneHalf) >> ScaleBits);
        int cbToB = _sixteenBit ? (int)((1.77200 * xcb) + 0.5) : (int)(((CbToB * xcb) + OneHalf) >> ScaleBits);
        r = Math.Clamp(y + crToR, 0, _max);
        g = Math.Clamp(y + (int)(((-CbToG * xcb) + OneHalf + (-CrToG * xcr)) >> ScaleBits), 0, _max);
        b = Math.Clamp(y + cbToB, 0, _max);
    }
}
