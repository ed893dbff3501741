using System.Globalization;
using System.Text;

namespace ImageQuality.DictionaryGenerator;

/// <summary>One row of pydicom's UID_dictionary: UID -> (Name, Type, Info, Retired, Keyword).</summary>
internal sealed record PydicomUid(string Uid, string Name, string Type, string Info, bool IsRetired, string Keyword);

/// <summary>
/// Reads pydicom's _uid_dict.py without running Python: it is one assignment
/// <c>UID_dictionary = { 'uid': ('name', 'type', 'info', 'retired', 'keyword'), ... }</c> of string literals.
/// The reader knows just enough Python to tokenise that: comments, string literals (with prefixes, escapes,
/// triple quotes and implicit concatenation), brackets and punctuation; an annotation before '=' is skipped.
/// </summary>
internal sealed class PythonUidDictParser
{
    private readonly string _text;
    private readonly List<string> _problems;
    private int _pos;

    private PythonUidDictParser(string text, List<string> problems)
    {
        _text = text;
        _problems = problems;
    }

    public static List<PydicomUid>? Parse(string text, List<string> problems) =>
        new PythonUidDictParser(text, problems).ParseFile();

    private List<PydicomUid>? ParseFile()
    {
        // Find the assignment to UID_dictionary at the top level.
        Token token;
        do
        {
            token = Next();
            if (token.Kind == TokenKind.End)
            {
                return Fail("no UID_dictionary assignment found");
            }
        }
        while (!(token.Kind == TokenKind.Name && token.Text == "UID_dictionary"));

        int depth = 0;
        for (token = Next(); !(depth == 0 && token.Is('=')); token = Next())
        {
            if (token.Kind == TokenKind.End)
            {
                return Fail("UID_dictionary is never assigned");
            }

            depth += token.Is('[') || token.Is('(') ? 1 : token.Is(']') || token.Is(')') ? -1 : 0;
        }

        if (!Next().Is('{'))
        {
            return Fail("UID_dictionary is not a dict literal");
        }

        var rows = new List<PydicomUid>();
        while (true)
        {
            token = Next();
            if (token.Is('}'))
            {
                return rows;
            }

            if (token.Kind != TokenKind.String)
            {
                return Fail($"expected a UID string, found '{token.Text}'");
            }

            string uid = ConcatenateStrings(token);
            if (!Next().Is(':') || !Next().Is('('))
            {
                return Fail($"expected ': (' after '{uid}'");
            }

            var fields = new List<string>();
            for (token = Next(); !token.Is(')'); token = Next())
            {
                if (token.Kind != TokenKind.String)
                {
                    return Fail($"expected a string in the tuple of '{uid}', found '{token.Text}'");
                }

                fields.Add(ConcatenateStrings(token));
                token = Next();
                if (token.Is(')'))
                {
                    break;
                }

                if (!token.Is(','))
                {
                    return Fail($"expected ',' in the tuple of '{uid}', found '{token.Text}'");
                }
            }

            if (fields.Count != 5)
            {
                return Fail($"the tuple of '{uid}' has {fields.Count} values, expected 5");
            }

            rows.Add(new PydicomUid(uid, fields[0], fields[1], fields[2], fields[3].Length > 0, fields[4]));
            token = Next();
            if (token.Is('}'))
            {
                return rows;
            }

            if (!token.Is(','))
            {
                return Fail($"expected ',' after the entry of '{uid}', found '{token.Text}'");
            }
        }
    }

    /// <summary>Python joins adjacent string literals: 'a' 'b' is 'ab'.</summary>
    private string ConcatenateStrings(Token first)
    {
        var sb = new StringBuilder(first.Text);
        while (true)
        {
            int save = _pos;
            Token t = Next();
            if (t.Kind != TokenKind.String)
            {
                _pos = save;
                return sb.ToString();
            }

            sb.Append(t.Text);
        }
    }

    private List<PydicomUid>? Fail(string message)
    {
        int line = 1;
        for (int i = 0; i < _pos && i < _text.Length; i++)
        {
            line += _text[i] == '\n' ? 1 : 0;
        }

        _problems.Add($"_uid_dict.py:{line}: {message}.");
        return null;
    }

    private Token Next()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (char.IsWhiteSpace(c) || (c == '\\' && _pos + 1 < _text.Length && _text[_pos + 1] is '\n' or '\r'))
            {
                _pos++;
            }
            else if (c == '#')
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                break;
            }
        }

        if (_pos >= _text.Length)
        {
            return new Token(TokenKind.End, "end of file");
        }

        int start = _pos;
        char ch = _text[_pos];
        if (char.IsAsciiLetter(ch) || ch == '_')
        {
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            {
                _pos++;
            }

            // A short prefix glued to a quote makes a string literal: r'..', u"..", rb'..'.
            if (_pos < _text.Length && _text[_pos] is '\'' or '"' && _pos - start <= 2)
            {
                string prefix = _text[start.._pos].ToLowerInvariant();
                if (prefix.All(p => p is 'r' or 'u' or 'b'))
                {
                    return ReadString(raw: prefix.Contains('r', StringComparison.Ordinal));
                }
            }

            return new Token(TokenKind.Name, _text[start.._pos]);
        }

        if (ch is '\'' or '"')
        {
            return ReadString(raw: false);
        }

        _pos++;
        return new Token(TokenKind.Punctuation, ch.ToString());
    }

    private Token ReadString(bool raw)
    {
        char quote = _text[_pos];
        bool triple = _pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote;
        _pos += triple ? 3 : 1;
        var sb = new StringBuilder();
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == quote && (!triple || (_pos + 2 < _text.Length && _text[_pos + 1] == quote && _text[_pos + 2] == quote)))
            {
                _pos += triple ? 3 : 1;
                return new Token(TokenKind.String, sb.ToString());
            }

            if (!triple && c == '\n')
            {
                break;
            }

            if (c == '\\' && _pos + 1 < _text.Length)
            {
                _pos += 1 + AppendEscape(sb, raw);
                continue;
            }

            sb.Append(c);
            _pos++;
        }

        return new Token(TokenKind.Punctuation, "unterminated string");
    }

    /// <summary>Appends the escape at _pos (a backslash); returns how many characters after the backslash it used.</summary>
    private int AppendEscape(StringBuilder sb, bool raw)
    {
        char e = _text[_pos + 1];
        if (raw)
        {
            sb.Append('\\').Append(e);
            return 1;
        }

        switch (e)
        {
            case '\n':
                return 1;
            case '\\' or '\'' or '"':
                sb.Append(e);
                return 1;
            case 'n':
                sb.Append('\n');
                return 1;
            case 't':
                sb.Append('\t');
                return 1;
            case 'r':
                sb.Append('\r');
                return 1;
            case 'x' or 'u' or 'U':
                int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (_pos + 2 + digits <= _text.Length
                    && int.TryParse(
                        _text.AsSpan(_pos + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code)
                    && code is (>= 0 and < 0xD800) or (> 0xDFFF and <= 0x10FFFF))
                {
                    sb.Append(char.ConvertFromUtf32(code));
                    return 1 + digits;
                }

                break;
        }

        // Python keeps an unknown escape as written.
        sb.Append('\\').Append(e);
        return 1;
    }

    private enum TokenKind
    {
        Name,
        String,
        Punctuation,
        End,
    }

    private readonly record struct Token(TokenKind Kind, string Text)
    {
        public bool Is(char punctuation) => Kind == TokenKind.Punctuation && Text.Length == 1 && Text[0] == punctuation;
    }
}
