using System.Text.Json;
using ImageQuality.Dicom.IO;
using ImageQuality.Dicom.Tests.Corpus;
using ImageQuality.Dicom.Text;

namespace ImageQuality.Dicom.Tests.Text;

/// <summary>The character sets of the shared corpus, read through the Part 10 reader.</summary>
public sealed class CorpusCharacterSetTests
{
    private static readonly DicomTag SpecificCharacterSet = new(0x0008, 0x0005);
    private static readonly DicomTag PatientName = new(0x0010, 0x0010);

    private const string Script = """
        import json, sys, warnings
        warnings.simplefilter('ignore')
        import pydicom
        from pydicom.multival import MultiValue
        TEXT_VRS = {'LO', 'LT', 'PN', 'SH', 'ST', 'UC', 'UT'}
        def walk(ds, prefix, out):
            for elem in ds:
                tag = f'{elem.tag.group:04x},{elem.tag.element:04x}'
                if elem.VR == 'SQ':
                    for i, item in enumerate(elem.value):
                        walk(item, f'{prefix}{tag}[{i}]/', out)
                elif elem.VR in TEXT_VRS and not elem.tag.is_private and elem.value is not None:
                    values = elem.value if isinstance(elem.value, MultiValue) else [elem.value]
                    out[prefix + tag] = '\\'.join(str(v) for v in values)
        result = {}
        for path in json.load(sys.stdin):
            out = {}
            walk(pydicom.dcmread(path, stop_before_pixels=True, force=True), '', out)
            result[path] = out
        json.dump(result, sys.stdout)
        """;

    [Test]
    public void Reads_the_Japanese_names_of_chrJapMulti()
    {
        DicomFile file = DicomFile.Open(TestCorpus.File("robustness/fo-dicom/chrJapMulti.dcm"));
        file.Dataset.CharacterSet.Terms.Should().Equal("", "ISO 2022 IR 87");
        file.Dataset.GetString(PatientName).Should().Be("やまだ^たろう");

        // The bytes DicomCharacterSetTests copies as its chrJapMulti example.
        Convert.ToHexStringLower(file.Dataset.Find(PatientName)!.Data.Span)
            .Should().Be("1b24422464245e24401b28425e1b2442243f246d24261b284220");
    }

    [Test]
    public void Decodes_the_text_of_files_with_a_specific_character_set_like_pydicom()
    {
        TestCorpus.RequireRoot();
        var ours = new Dictionary<string, Dictionary<string, string>>();
        foreach (string path in TestCorpus.AllFiles())
        {
            DicomFile file;
            try
            {
                file = DicomFile.Open(path, new DicomReadOptions { StopBeforePixelData = true });
            }
            catch (DicomFormatException)
            {
                continue;
            }

            // Latin-1 and the default repertoire are plain byte-to-character maps; the rest is what needs checking.
            if (file.Dataset.CharacterSet is { IsDefault: false } characterSet && !characterSet.Terms.SequenceEqual(["ISO_IR 100"]))
            {
                var texts = new Dictionary<string, string>();
                Collect(file.Dataset, string.Empty, texts);
                ours[path] = texts;
            }
        }

        ours.Should().NotBeEmpty("the corpus has UTF-8 and Japanese files");
        JsonElement pydicom = PythonOracle.Run(Script, ours.Keys.ToArray());
        var differences = new List<string>();
        int compared = 0;
        foreach ((string path, Dictionary<string, string> texts) in ours)
        {
            foreach (JsonProperty element in pydicom.GetProperty(path).EnumerateObject())
            {
                if (texts.TryGetValue(element.Name, out string? text))
                {
                    compared++;
                    string expected = Normalise(element.Value.GetString()!);
                    if (Normalise(text) != expected)
                    {
                        differences.Add($"{TestCorpus.Relative(path)} {element.Name}: pydicom '{expected}' ours '{Normalise(text)}'");
                    }
                }
            }
        }

        compared.Should().BePositive();
        differences.Should().BeEmpty(string.Join(Environment.NewLine, differences));
    }

    private static void Collect(DicomDataset dataset, string prefix, Dictionary<string, string> texts)
    {
        foreach (DicomElement element in dataset)
        {
            string tag = $"{element.Tag.Group:x4},{element.Tag.Element:x4}";
            if (element is DicomSequence sequence)
            {
                for (int i = 0; i < sequence.Items.Count; i++)
                {
                    Collect(sequence.Items[i], $"{prefix}{tag}[{i}]/", texts);
                }
            }
            else if (element.VR.IsCharacterSetDependent && !element.Tag.IsPrivate && element.Tag != SpecificCharacterSet)
            {
                texts[prefix + tag] = dataset.DecodeString(element);
            }
        }
    }

    /// <summary>pydicom strips values one by one, and keeps trailing spaces of the text VRs in places; compare without.</summary>
    private static string Normalise(string text) => string.Join('\\', text.Split('\\').Select(value => value.Trim(' ', '\0')));
}
