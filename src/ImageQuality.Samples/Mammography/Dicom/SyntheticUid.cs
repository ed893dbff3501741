using System.Numerics;

namespace ImageQuality.Samples.Mammography.Dicom;

/// <summary>
/// UIDs under the 2.25 root (PS3.5 B.2): a version-4 UUID written as one decimal integer. The 122 random bits come
/// from the caller's generator, so a seeded exam gets the same UIDs every time and different seeds never collide in
/// practice.
/// </summary>
public static class SyntheticUid
{
    public static string Next(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);

        // RFC 9562: version 4 in the high nibble of byte 6, variant 10 in the top bits of byte 8.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        return "2.25." + value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
