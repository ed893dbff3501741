using MathNet.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace ImageQuality.Samples.Mammography.Rendering;

/// <summary>
/// Gaussian random fields with a power-law spectrum (power ∝ 1/f^β within a band), made by shaping white noise in
/// the frequency domain and transforming back. Mammographic parenchyma has β near 3. The field is periodic, so it
/// tiles without seams; one complex transform gives two independent fields (its real and imaginary parts).
/// </summary>
internal sealed class SpectralNoise
{
    private SpectralNoise(float[] real, float[] imaginary, int size, double cellMm)
    {
        Real = real;
        Imaginary = imaginary;
        Size = size;
        CellMm = cellMm;
    }

    /// <summary>Unit standard deviation, row-major Size x Size.</summary>
    public float[] Real { get; }

    public float[] Imaginary { get; }

    public int Size { get; }

    public double CellMm { get; }

    /// <param name="size">A power of two.</param>
    /// <param name="lowCyclesPerMm">Frequencies below are left out (the largest structures).</param>
    /// <param name="highCyclesPerMm">Frequencies above are left out.</param>
    public static SpectralNoise Generate(int size, double cellMm, double beta, double lowCyclesPerMm, double highCyclesPerMm, Random random)
    {
        var spectrum = new Complex32[size * size];
        for (int ky = 0; ky < size; ky++)
        {
            double fy = (ky <= size / 2 ? ky : ky - size) / (size * cellMm);
            for (int kx = 0; kx < size; kx++)
            {
                double fx = (kx <= size / 2 ? kx : kx - size) / (size * cellMm);
                double f = Math.Sqrt((fx * fx) + (fy * fy));
                if (f < lowCyclesPerMm || f > highCyclesPerMm)
                {
                    continue;
                }

                double amplitude = Math.Pow(f, -beta / 2);
                spectrum[(ky * size) + kx] = new Complex32((float)(amplitude * random.Gaussian()), (float)(amplitude * random.Gaussian()));
            }
        }

        Inverse2D(spectrum, size);
        var real = new float[size * size];
        var imaginary = new float[size * size];
        for (int i = 0; i < spectrum.Length; i++)
        {
            real[i] = spectrum[i].Real;
            imaginary[i] = spectrum[i].Imaginary;
        }

        Standardise(real);
        Standardise(imaginary);
        return new SpectralNoise(real, imaginary, size, cellMm);
    }

    /// <summary>
    /// Rows, then columns, with MathNet's one-dimensional transform (its managed provider has no multidimensional one).
    /// </summary>
    private static void Inverse2D(Complex32[] data, int size)
    {
        var line = new Complex32[size];
        for (int row = 0; row < size; row++)
        {
            Array.Copy(data, row * size, line, 0, size);
            Fourier.Inverse(line, FourierOptions.NoScaling);
            Array.Copy(line, 0, data, row * size, size);
        }

        for (int column = 0; column < size; column++)
        {
            for (int row = 0; row < size; row++)
            {
                line[row] = data[(row * size) + column];
            }

            Fourier.Inverse(line, FourierOptions.NoScaling);
            for (int row = 0; row < size; row++)
            {
                data[(row * size) + column] = line[row];
            }
        }
    }

    /// <summary>Bilinear sample of a field at a position in millimetres (wrapping around).</summary>
    public float Sample(float[] field, double x, double y)
    {
        double u = x / CellMm, v = y / CellMm;
        double fu = Math.Floor(u), fv = Math.Floor(v);
        float tx = (float)(u - fu), ty = (float)(v - fv);
        int mask = Size - 1;
        int x0 = (int)(long)fu & mask, y0 = (int)(long)fv & mask;
        int x1 = (x0 + 1) & mask, y1 = (y0 + 1) & mask;
        float top = field[(y0 * Size) + x0] + (tx * (field[(y0 * Size) + x1] - field[(y0 * Size) + x0]));
        float bottom = field[(y1 * Size) + x0] + (tx * (field[(y1 * Size) + x1] - field[(y1 * Size) + x0]));
        return top + (ty * (bottom - top));
    }

    private static void Standardise(float[] field)
    {
        double sum = 0, squares = 0;
        foreach (float v in field)
        {
            sum += v;
            squares += (double)v * v;
        }

        double mean = sum / field.Length;
        double sd = Math.Sqrt(Math.Max(1e-30, (squares / field.Length) - (mean * mean)));
        for (int i = 0; i < field.Length; i++)
        {
            field[i] = (float)((field[i] - mean) / sd);
        }
    }
}
