namespace ImageQuality.Analysis.Mammography.Positioning;

/// <summary>The anterior border of the pectoral muscle against the straight line from its top to its lower end.</summary>
public enum PectoralShape
{
    /// <summary>Bulging forward: a relaxed muscle, the good case.</summary>
    Convex,

    Straight,

    /// <summary>Curving back toward the chest wall: a tense or poorly pulled muscle, a fault.</summary>
    Concave,
}
