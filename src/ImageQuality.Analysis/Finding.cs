namespace ImageQuality.Analysis;

/// <summary>
/// One criterion judged on one image (or exam): the outcome, the measured value against its threshold, how sure the
/// analysis is, and a sentence a technologist can act on between patients.
/// </summary>
/// <param name="CriterionId">Stable id of the criterion, e.g. "mg.header.compression-force" — scorecards group by it.</param>
/// <param name="Outcome">Pass, fail or not assessable.</param>
/// <param name="Message">For the technologist: what was found and, on failure, what to do.</param>
/// <param name="MeasuredValue">The measured quantity, in <paramref name="Unit"/>, where there is one.</param>
/// <param name="Unit">UCUM-style unit of the value ("mm", "N", "kPa").</param>
/// <param name="Threshold">The limit applied, as text ("70–200 N", "≤ 10 mm").</param>
/// <param name="Confidence">0–1 where a model produced the value; null for rules on headers.</param>
/// <param name="SopInstanceUid">The image the finding is about (for exam-level findings, the image it points at, if any).</param>
/// <param name="Overlay">Geometry to draw on the image (points, lines) in pixel coordinates.</param>
public sealed record Finding(
    string CriterionId,
    FindingOutcome Outcome,
    string Message,
    double? MeasuredValue = null,
    string? Unit = null,
    string? Threshold = null,
    double? Confidence = null,
    string? SopInstanceUid = null,
    OverlayGeometry? Overlay = null);
