using System.Globalization;
using ImageQuality.Dicom.Network.Dimse;

namespace ImageQuality.Cli.Network;

/// <summary>The closing report of <c>iq send</c>: how many of each status, with the files that failed.</summary>
internal static class SendSummary
{
    /// <summary>Failed files listed per status before the list is cut short.</summary>
    private const int MaxListed = 20;

    public static void Write(TextWriter output, IReadOnlyList<SendOutcome> outcomes, TimeSpan elapsed)
    {
        long bytes = outcomes.Where(o => o.Status is not null).Sum(o => o.Item.Bytes);
        int sent = outcomes.Count(o => o.Status is not null);
        double seconds = Math.Max(elapsed.TotalSeconds, 1e-6);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Sent {sent} of {outcomes.Count} instances ({bytes / 1e6:0.0} MB) in {elapsed.TotalSeconds:0.0} s: {sent / seconds:0.0} instances/s, {bytes / 1e6 / seconds:0.0} MB/s"));
        foreach (IGrouping<ushort, SendOutcome> group in outcomes.Where(o => o.Status is not null).GroupBy(o => o.Status!.Value.Code).OrderBy(g => g.Key))
        {
            DicomStatus status = group.First().Status!.Value;
            string category = status.Category switch
            {
                DicomStatusCategory.Success => "success",
                DicomStatusCategory.Warning => "warning",
                _ => "failure",
            };
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {category} {status}: {group.Count()}"));
            if (status.Category is not (DicomStatusCategory.Success or DicomStatusCategory.Warning))
            {
                ListFiles(output, group.Select(o => (o.Item.Path, o.Comment)));
            }
        }

        foreach (IGrouping<string, SendOutcome> group in outcomes.Where(o => o.Status is null).GroupBy(o => o.NotSentReason ?? "unknown"))
        {
            output.WriteLine($"  not sent ({group.Key}): {group.Count()}");
            ListFiles(output, group.Select(o => (o.Item.Path, (string?)null)));
        }
    }

    private static void ListFiles(TextWriter output, IEnumerable<(string Path, string? Comment)> files)
    {
        int listed = 0;
        int total = 0;
        foreach ((string path, string? comment) in files)
        {
            total++;
            if (listed < MaxListed)
            {
                output.WriteLine(string.IsNullOrEmpty(comment) ? $"    {path}" : $"    {path}: {comment}");
                listed++;
            }
        }

        if (total > listed)
        {
            output.WriteLine($"    … and {total - listed} more");
        }
    }
}
