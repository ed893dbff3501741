namespace ImageQuality.Dicom.Text;

/// <summary>
/// Reads bytes under ISO/IEC 2022 code extensions as DICOM restricts them (PS3.5 6.1.2.5): G0 holds ASCII or a
/// double-byte set and is read in GL; G1 holds one single- or double-byte set and is read in GR. Both return to
/// their initial designation at each <see cref="CodeExtensionResets">reset point</see>.
/// </summary>
internal static class Iso2022Decoder
{
    /// <summary>
    /// Decodes <paramref name="source"/> into <paramref name="destination"/>, which needs one char per byte at
    /// most, and returns the chars written. Bytes no set defines become U+FFFD; GR bytes with no G1 set read as
    /// Latin-1, and an ESC that starts no known sequence stays as U+001B, so that nothing is silently dropped.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> source, Span<char> destination, GraphicCharacterSet? initialG1,
        CodeExtensionResets resets)
    {
        GraphicCharacterSet? g0 = null;
        GraphicCharacterSet? g1 = initialG1;
        int written = 0;
        int i = 0;
        while (i < source.Length)
        {
            byte lead = source[i];
            byte trail = i + 1 < source.Length ? source[i + 1] : (byte)0;
            if (lead == Iso2022EscapeSequence.Escape)
            {
                if (Iso2022EscapeSequence.TryParse(source[i..], out int length, out CodeElement element, out GraphicCharacterSet? set))
                {
                    if (element == CodeElement.G0)
                    {
                        g0 = set is { IsDoubleByte: true } ? set : null;
                    }
                    else
                    {
                        g1 = set;
                    }

                    i += length;
                    continue;
                }

                destination[written++] = (char)lead;
                i++;
                continue;
            }

            if (lead < 0x80)
            {
                if (g0 is not null && lead is >= 0x21 and <= 0x7E)
                {
                    // A lone first byte (before a control, ESC or the end) cannot form a character.
                    bool paired = trail is >= 0x21 and <= 0x7E;
                    destination[written++] = paired ? g0.DecodePair(lead, trail) : GraphicCharacterSet.Undefined;
                    i += paired ? 2 : 1;
                    continue;
                }

                destination[written++] = (char)lead;
                i++;
                if (resets.IsReset(lead))
                {
                    g0 = null;
                    g1 = initialG1;
                }

                continue;
            }

            if (g1 is null)
            {
                destination[written++] = (char)lead;
                i++;
            }
            else if (g1.IsDoubleByte)
            {
                i += DecodeDoubleByteG1(g1, lead, trail, i + 1 < source.Length, out destination[written++]);
            }
            else if (g1.HasLenientPairs && i + 1 < source.Length && g1.TryDecodeLenientPair(lead, trail, out char value))
            {
                destination[written++] = value;
                i += 2;
            }
            else
            {
                destination[written++] = g1.DecodeHigh(lead);
                i++;
            }
        }

        return written;
    }

    private static int DecodeDoubleByteG1(GraphicCharacterSet g1, byte lead, byte trail, bool hasTrail, out char value)
    {
        bool inGraphicRight = hasTrail && lead is >= 0xA1 and <= 0xFE && trail is >= 0xA1 and <= 0xFE;
        if (inGraphicRight)
        {
            value = g1.DecodePair(lead, trail);
            if (value != GraphicCharacterSet.Undefined)
            {
                return 2;
            }
        }

        if (hasTrail && g1.TryDecodeLenientPair(lead, trail, out value))
        {
            return 2;
        }

        // An unassigned pair is still one character wide; skipping both bytes keeps the rest aligned.
        value = GraphicCharacterSet.Undefined;
        return inGraphicRight ? 2 : 1;
    }
}
