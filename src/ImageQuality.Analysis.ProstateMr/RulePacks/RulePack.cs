using System.Text.Json;
using System.Text.Json.Serialization;
using ImageQuality.Analysis.ProstateMr.Series;

namespace ImageQuality.Analysis.ProstateMr.RulePacks;

/// <summary>
/// A versioned set of protocol criteria loaded from a JSON file: the shipped <c>RulePacks/pirads-2.1.json</c> beside
/// the binary, or a site's own pack (stricter or looser limits, criteria left out) loaded by path. Limits live in the
/// file, never in code; findings name the pack and its version so that results can be traced to the limits used.
/// </summary>
public sealed record RulePack
{
    /// <summary>The folder beside the binary the shipped packs are copied to.</summary>
    public const string Folder = "RulePacks";

    public const string DefaultId = "pirads-2.1";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public required string Id { get; init; }

    public required string Version { get; init; }

    public string? Title { get; init; }

    /// <summary>Where the limits come from, for people reading the pack.</summary>
    public string? Source { get; init; }

    /// <summary>
    /// A value within this distance of a limit meets it. Headers carry float noise (a 3.6 mm slice written as
    /// 3.5999999046326, so a contiguous stack shows a 1e-7 mm "gap"); the tolerance keeps such noise from deciding.
    /// </summary>
    public double Tolerance { get; init; } = 0.01;

    public required IReadOnlyList<RuleCriterion> Criteria { get; init; }

    /// <summary>The path of a shipped pack beside the binary.</summary>
    public static string ShippedPath(string id = DefaultId) => Path.Combine(AppContext.BaseDirectory, Folder, id + ".json");

    /// <summary>The shipped PI-RADS v2.1 pack.</summary>
    public static RulePack LoadDefault() => Load(ShippedPath());

    /// <summary>Reads and checks a pack; an unusable pack is refused with the file and criterion named.</summary>
    public static RulePack Load(string path)
    {
        RulePack? pack;
        try
        {
            using FileStream stream = File.OpenRead(path);
            pack = JsonSerializer.Deserialize<RulePack>(stream, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Rule pack {path}: {ex.Message}", ex);
        }

        if (pack is null)
        {
            throw new InvalidDataException($"Rule pack {path} is empty");
        }

        pack.Validate(path);
        return pack;
    }

    private void Validate(string path)
    {
        if (string.IsNullOrWhiteSpace(Id) || string.IsNullOrWhiteSpace(Version))
        {
            throw new InvalidDataException($"Rule pack {path}: id and version are required");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (RuleCriterion c in Criteria)
        {
            string? problem = !seen.Add(c.Id) ? "the id is used twice"
                : c.SeriesType is not null && c.Type is null ? $"unknown seriesType \"{c.SeriesType}\""
                : c.Check switch
                {
                    RuleCheck.Parameter when c.Parameter is null => "a parameter check needs \"parameter\"",
                    RuleCheck.Parameter or RuleCheck.BValue when c.Min is null && c.Max is null => "needs \"min\" and/or \"max\"",
                    RuleCheck.Planes when c.Type is null || c.RequiredPlanes.Count + c.AnyOfPlanes.Count == 0 => "a planes check needs \"seriesType\" and planes",
                    RuleCheck.Present when c.Type is null => "a presence check needs \"seriesType\"",
                    _ => null,
                };
            if (problem is not null)
            {
                throw new InvalidDataException($"Rule pack {path}, criterion {c.Id}: {problem}");
            }
        }
    }
}
