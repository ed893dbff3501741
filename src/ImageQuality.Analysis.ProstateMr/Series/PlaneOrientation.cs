namespace ImageQuality.Analysis.ProstateMr.Series;

/// <summary>
/// The plane of an image from ImageOrientationPatient (0020,0037): the slice normal is the cross product of the row
/// and column direction cosines; its largest component names the plane, and its angle to that axis is the
/// obliquity (a prostate axial is often tilted 10–30° to lie perpendicular to the gland or the rectal wall).
/// </summary>
public readonly record struct PlaneOrientation(ImagePlane Plane, double ObliquityDegrees, double NormalX, double NormalY, double NormalZ)
{
    /// <summary>Null when the six cosines are missing or degenerate (rows parallel to columns).</summary>
    public static PlaneOrientation? From(IReadOnlyList<double>? cosines)
    {
        if (cosines is not { Count: 6 })
        {
            return null;
        }

        double nx = (cosines[1] * cosines[5]) - (cosines[2] * cosines[4]);
        double ny = (cosines[2] * cosines[3]) - (cosines[0] * cosines[5]);
        double nz = (cosines[0] * cosines[4]) - (cosines[1] * cosines[3]);
        double length = Math.Sqrt((nx * nx) + (ny * ny) + (nz * nz));
        if (length < 1e-6)
        {
            return null;
        }

        nx /= length;
        ny /= length;
        nz /= length;
        double ax = Math.Abs(nx), ay = Math.Abs(ny), az = Math.Abs(nz);
        (ImagePlane plane, double along) = az >= ax && az >= ay ? (ImagePlane.Axial, az)
            : ax >= ay ? (ImagePlane.Sagittal, ax)
            : (ImagePlane.Coronal, ay);
        double obliquity = Math.Acos(Math.Min(1, along)) * 180 / Math.PI;
        return new PlaneOrientation(plane, obliquity, nx, ny, nz);
    }

    /// <summary>Distance of a point along the normal: slices of one stack differ only in this.</summary>
    public double Along(IReadOnlyList<double> position) => (position[0] * NormalX) + (position[1] * NormalY) + (position[2] * NormalZ);

    /// <summary>Angle between two slice normals, ignoring their sign.</summary>
    public double AngleTo(PlaneOrientation other)
    {
        double dot = Math.Abs((NormalX * other.NormalX) + (NormalY * other.NormalY) + (NormalZ * other.NormalZ));
        return Math.Acos(Math.Min(1, dot)) * 180 / Math.PI;
    }
}
