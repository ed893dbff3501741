namespace ImageQuality.Samples.Mammography.Geometry;

/// <summary>
/// The skin line of a compressed breast in the canonical frame (millimetres in the breast plane; x from the
/// chest-wall edge toward the nipple, y down the image): a superellipse around a centre behind the chest wall, with
/// its own semi-axis and squareness above and below the breast's axis, turned by a tilt, wobbled by a few low
/// harmonics so that no two breasts are alike, and, when the nipple is in profile, a small bump on the contour.
/// Angles φ are measured from the breast's axis (before the tilt); negative is toward the top of the image.
/// </summary>
internal sealed class BreastOutline
{
    private readonly (double Amplitude, double Phase)[] _harmonics;

    public BreastOutline(
        (double X, double Y) centre,
        double tiltRadians,
        double anterior,
        double upper,
        double lower,
        double upperExponent,
        double lowerExponent,
        (double Amplitude, double Phase)[] harmonics)
    {
        Centre = centre;
        Tilt = tiltRadians;
        Anterior = anterior;
        Upper = upper;
        Lower = lower;
        UpperExponent = upperExponent;
        LowerExponent = lowerExponent;
        _harmonics = harmonics;
    }

    public (double X, double Y) Centre { get; }

    public double Tilt { get; }

    /// <summary>Semi-axis along the breast's axis, from the centre.</summary>
    public double Anterior { get; }

    public double Upper { get; }

    public double Lower { get; }

    public double UpperExponent { get; }

    public double LowerExponent { get; }

    /// <summary>The nipple's angle; NaN when no bump is drawn.</summary>
    public double NippleAngle { get; private set; } = double.NaN;

    public double NippleHeight { get; private set; }

    public double NippleHalfWidth { get; private set; }

    /// <summary>Adds the nipple as a bell-shaped bump on the skin line (in profile).</summary>
    public void AddNipple(double angle, double heightMm, double halfWidthMm)
    {
        NippleAngle = angle;
        NippleHeight = heightMm;
        NippleHalfWidth = halfWidthMm;
    }

    /// <summary>The radius without the nipple bump.</summary>
    public double BaseRadius(double phi)
    {
        double c = Math.Cos(phi), s = Math.Sin(phi);
        double b = s < 0 ? Upper : Lower;
        double n = s < 0 ? UpperExponent : LowerExponent;
        double r = Math.Pow(Math.Pow(Math.Abs(c / Anterior), n) + Math.Pow(Math.Abs(s / b), n), -1 / n);
        double wobble = 1;
        for (int k = 0; k < _harmonics.Length; k++)
        {
            wobble += _harmonics[k].Amplitude * Math.Cos(((k + 2) * phi) + _harmonics[k].Phase);
        }

        return r * wobble;
    }

    public double Radius(double phi)
    {
        double r = BaseRadius(phi);
        if (!double.IsNaN(NippleAngle))
        {
            double arc = (phi - NippleAngle) * r;
            r += NippleHeight * Math.Exp(-arc * arc / (2 * NippleHalfWidth * NippleHalfWidth));
        }

        return r;
    }

    public (double X, double Y) Point(double phi) => At(phi, Radius(phi));

    public (double X, double Y) BasePoint(double phi) => At(phi, BaseRadius(phi));

    /// <summary>A point at a given distance from the centre along the direction of <paramref name="phi"/>.</summary>
    public (double X, double Y) At(double phi, double radius) =>
        (Centre.X + (radius * Math.Cos(phi + Tilt)), Centre.Y + (radius * Math.Sin(phi + Tilt)));

    /// <summary>
    /// The contour from <paramref name="from"/> to <paramref name="to"/> (radians), a vertex about every
    /// <paramref name="stepMm"/> of arc.
    /// </summary>
    public List<(double X, double Y)> Trace(double from, double to, double stepMm = 0.5)
    {
        var points = new List<(double X, double Y)>();
        double phi = from;
        while (phi < to)
        {
            points.Add(Point(phi));
            phi += stepMm / Math.Max(Radius(phi), 5);
        }

        points.Add(Point(to));
        return points;
    }

    /// <summary>The first angle after <paramref name="from"/> (going up to <paramref name="to"/>) where the contour's x or y crosses a value.</summary>
    public double? FindCrossing(double from, double to, Func<(double X, double Y), double> coordinate, double value)
    {
        double step = 0.002 * Math.Sign(to - from);
        double previous = coordinate(Point(from)) - value;
        for (double phi = from + step; step > 0 ? phi <= to : phi >= to; phi += step)
        {
            double current = coordinate(Point(phi)) - value;
            if (Math.Sign(current) != Math.Sign(previous))
            {
                double lo = phi - step, hi = phi;
                for (int i = 0; i < 40; i++)
                {
                    double mid = (lo + hi) / 2;
                    if (Math.Sign(coordinate(Point(mid)) - value) == Math.Sign(previous))
                    {
                        lo = mid;
                    }
                    else
                    {
                        hi = mid;
                    }
                }

                return (lo + hi) / 2;
            }

            previous = current;
        }

        return null;
    }
}
