using System.Buffers;

namespace ImageQuality.Dicom.Text;

/// <summary>
/// Writes text under the character set of value 1 of Specific Character Set and, through escape sequences, the
/// code extensions of values 2..n (PS3.5 6.1.2.5). Characters stay in the current G0/G1 sets when they can;
/// otherwise the first declared set that has them is designated. G0 is restored to its initial set before each
/// reset point and at the end, as PS3.5 6.1.2.5.3 requires; G1 needs no escape there because readers reset it.
/// </summary>
/// <remarks>
/// Many readers (pydicom among them) decode each run from one escape sequence to the next with the single set
/// that escape names, rather than tracking G0 and G1 together. So a set is designated again whenever its
/// characters follow an escape sequence for another set: a few bytes more, and every run is homogeneous.
/// </remarks>
internal static class Iso2022Encoder
{
    /// <summary>The most bytes one char can need: a four-byte escape sequence and a two-byte code.</summary>
    private const int MaxBytesPerChar = 6;

    public static byte[] Encode(ReadOnlySpan<char> value, CharacterSetTerm first, CharacterSetTerm[] extensions,
        CodeExtensionResets resets, out bool lossy)
    {
        lossy = false;
        byte[] rented = ArrayPool<byte>.Shared.Rent((value.Length * MaxBytesPerChar) + first.G0EscapeSequence.Length);
        try
        {
            var writer = new Writer(rented, first);
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c < 0x80 && c != Iso2022EscapeSequence.Escape)
                {
                    writer.AddAscii((byte)c, resets.IsReset(c));
                    continue;
                }

                if (!TryWrite(ref writer, c, extensions, alias: false) && !TryWrite(ref writer, c, extensions, alias: true))
                {
                    // A surrogate pair is one character, so it becomes one '?'.
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        i++;
                    }

                    lossy = true;
                    writer.AddAscii((byte)'?', isReset: false);
                }
            }

            writer.RestoreG0();
            return writer.Written.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Writes <paramref name="c"/> in the current G0 or G1 set, or else designates the first declared set that
    /// has it; with <paramref name="alias"/>, in a set that has another mapping of the same symbol (tried only
    /// when no set has the character itself, since it reads back as that other mapping).
    /// </summary>
    private static bool TryWrite(ref Writer writer, char c, CharacterSetTerm[] extensions, bool alias)
    {
        if (writer.TryAddInCurrentSets(c, alias) || writer.TryDesignate(writer.First, c, alias))
        {
            return true;
        }

        foreach (CharacterSetTerm term in extensions)
        {
            if (writer.TryDesignate(term, c, alias))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryEncode(GraphicCharacterSet set, char c, bool alias, out ushort code) =>
        alias ? set.TryEncodeAlias(c, out code) : set.TryEncode(c, out code);

    /// <summary>The output and the code extension state: what G0 and G1 hold, and what the last escape named.</summary>
    private ref struct Writer(Span<byte> buffer, CharacterSetTerm first)
    {
        private readonly Span<byte> _buffer = buffer;
        private readonly CharacterSetTerm? _initialG1 = first.Element == CodeElement.G1 && first.Set is not null ? first : null;
        private int _length;

        /// <summary>A double-byte set in G0, or null while G0 holds its initial single-byte set.</summary>
        private CharacterSetTerm? _g0;
        private CharacterSetTerm? _g1 = first.Element == CodeElement.G1 && first.Set is not null ? first : null;

        /// <summary>The term the last escape sequence designated; null after one that restored G0.</summary>
        private CharacterSetTerm? _lastDesignated;

        /// <summary>No escape sequence since the start or the last reset point: the run is read with value 1.</summary>
        private bool _inInitialRun = true;

        public readonly CharacterSetTerm First { get; } = first;

        public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

        public void AddAscii(byte value, bool isReset)
        {
            RestoreG0();
            _buffer[_length++] = value;
            if (isReset)
            {
                _g1 = _initialG1;
                _inInitialRun = true;
            }
        }

        public void RestoreG0()
        {
            if (_g0 is not null)
            {
                AddEscape(First.G0EscapeSequence, null);
                _g0 = null;
            }
        }

        public bool TryAddInCurrentSets(char c, bool alias)
        {
            ushort code;
            if (_g0?.Set is { } g0 && TryEncode(g0, c, alias, out code))
            {
                if (_lastDesignated != _g0)
                {
                    AddEscape(_g0.EscapeSequence, _g0);
                }

                AddCode(code, g0, CodeElement.G0);
                return true;
            }

            if (_g1?.Set is { } g1 && TryEncode(g1, c, alias, out code))
            {
                if (!_inInitialRun && _lastDesignated != _g1)
                {
                    AddEscape(_g1.EscapeSequence, _g1);
                }

                AddCode(code, g1, CodeElement.G1);
                return true;
            }

            return false;
        }

        public bool TryDesignate(CharacterSetTerm term, char c, bool alias)
        {
            GraphicCharacterSet? set = term.Set;
            if (set is null || set == _g0?.Set || set == _g1?.Set || !TryEncode(set, c, alias, out ushort code))
            {
                return false;
            }

            AddEscape(term.EscapeSequence, term);
            if (term.Element == CodeElement.G0)
            {
                _g0 = term;
            }
            else
            {
                _g1 = term;
            }

            AddCode(code, set, term.Element);
            return true;
        }

        private void AddEscape(ReadOnlySpan<byte> sequence, CharacterSetTerm? designated)
        {
            sequence.CopyTo(_buffer[_length..]);
            _length += sequence.Length;
            _lastDesignated = designated;
            _inInitialRun = false;
        }

        private void AddCode(ushort code, GraphicCharacterSet set, CodeElement element)
        {
            if (set.IsDoubleByte)
            {
                byte high = element == CodeElement.G1 ? (byte)0x80 : (byte)0;
                _buffer[_length++] = (byte)((code >> 8) | high);
                _buffer[_length++] = (byte)((code & 0xFF) | high);
            }
            else
            {
                // Single-byte codes are stored with their high bit (0xA0..0xFF) already.
                _buffer[_length++] = (byte)code;
            }
        }
    }
}
