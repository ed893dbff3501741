using ImageQuality.Dicom.Text;

namespace ImageQuality.Dicom.Tests.Text;

/// <summary>Specific Character Set values worth testing, each with the characters it can write.</summary>
internal static class Repertoires
{
    /// <summary>ASCII graphics and space, without the backslash (a value delimiter) and without '^' and '='.</summary>
    private static readonly char[] Ascii = [.. Enumerable.Range(0x20, 0x5F).Select(c => (char)c).Where(c => c is not ('\\' or '^' or '='))];

    private static readonly char[] Astral = ["😀"[0], "😀"[1], "𠀋"[0], "𠀋"[1]];

    public static IEnumerable<(string[] Terms, char[] Characters)> All()
    {
        foreach (CharacterSetTerm term in CharacterSetTerm.All)
        {
            if (term.Term.StartsWith("ISO_IR ", StringComparison.Ordinal) && term.Set is { } set)
            {
                yield return ([term.Term], [.. Ascii, .. set.Repertoire]);
            }
        }

        yield return (["", "ISO 2022 IR 87", "ISO 2022 IR 159"],
            [.. Ascii, .. GraphicCharacterSets.IsoIr87.Repertoire, .. GraphicCharacterSets.IsoIr159.Repertoire.Where(c => c != '~')]);
        yield return (["ISO 2022 IR 13", "ISO 2022 IR 87"],
            [.. Ascii, .. GraphicCharacterSets.IsoIr13.Repertoire, .. GraphicCharacterSets.IsoIr87.Repertoire]);
        yield return (["", "ISO 2022 IR 149"], [.. Ascii, .. GraphicCharacterSets.IsoIr149.Repertoire]);
        yield return (["", "ISO 2022 IR 58"], [.. Ascii, .. GraphicCharacterSets.IsoIr58.Repertoire]);
        yield return (["ISO 2022 IR 100", "ISO 2022 IR 126", "ISO 2022 IR 144", "ISO 2022 IR 138"],
            [.. Ascii, .. GraphicCharacterSets.IsoIr100.Repertoire, .. GraphicCharacterSets.IsoIr126.Repertoire,
                .. GraphicCharacterSets.IsoIr144.Repertoire, .. GraphicCharacterSets.IsoIr138.Repertoire]);
        yield return (["", "ISO 2022 IR 149", "ISO 2022 IR 87", "ISO 2022 IR 101"],
            [.. Ascii, .. GraphicCharacterSets.IsoIr149.Repertoire, .. GraphicCharacterSets.IsoIr87.Repertoire,
                .. GraphicCharacterSets.IsoIr101.Repertoire]);
        yield return (["ISO_IR 192"],
            [.. Ascii, .. GraphicCharacterSets.IsoIr100.Repertoire, .. GraphicCharacterSets.IsoIr149.Repertoire,
                .. GraphicCharacterSets.IsoIr87.Repertoire, .. GraphicCharacterSets.IsoIr166.Repertoire, .. Astral]);
        yield return (["GB18030"],
            [.. Ascii, .. GraphicCharacterSets.IsoIr58.Repertoire, .. GraphicCharacterSets.IsoIr126.Repertoire.Where(c => c < '\u2000'),
                .. GraphicCharacterSets.IsoIr149.Repertoire.Where(c => c is >= '\uAC00' and <= '\uD7A3'), .. Astral]);
        yield return (["GBK"], [.. Ascii, .. GraphicCharacterSets.IsoIr58.Repertoire]);
    }

    /// <summary>Which delimiters a value of the VR may contain, which reset code extensions.</summary>
    public static char[] Delimiters(DicomVR vr) =>
        vr == DicomVR.PN ? ['^', '='] : vr == DicomVR.LT ? ['\r', '\n', '\t', '\\'] : ['\\'];
}
