using System.Buffers;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Imaging;
using ImageQuality.Dicom.Imaging.Pipeline;

namespace ImageQuality.Analysis.Mammography.Landmarks;

/// <summary>
/// A mammogram's first frame as modality values (PS3.4 N.2.1: stored values through the Modality LUT), row by row,
/// with the photometric sense kept so that later steps can make tissue bright whatever the vendor sent. A
/// full-field mammogram is 50 MB as floats: planes made from data sets borrow their buffers from the shared pool
/// and give them back when disposed, so a worker analysing image after image does not grow the heap.
/// </summary>
public sealed class MammogramPlane : IDisposable
{
    private bool _pooled;

    public MammogramPlane(float[] values, int width, int height, bool monochrome1)
    {
        if (width < 1 || height < 1 || values.Length < (long)width * height)
        {
            throw new ArgumentException($"A {width}x{height} plane needs {(long)width * height} values, not {values.Length}", nameof(values));
        }

        Values = values;
        Width = width;
        Height = height;
        Monochrome1 = monochrome1;
    }

    /// <summary>Modality values, row-major: index = row * <see cref="Width"/> + column (the array may be longer).</summary>
    public float[] Values { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>MONOCHROME1: the smallest value is displayed white, so dense tissue has low values.</summary>
    public bool Monochrome1 { get; }

    /// <summary>The first frame of a grayscale image through its Modality LUT.</summary>
    public static MammogramPlane FromDataset(DicomDataset dataset, TransferSyntax syntax)
    {
        var pixels = DicomPixelData.Create(dataset, syntax);
        PixelDataDescription description = pixels.Description;
        if (description.SamplesPerPixel != 1)
        {
            throw new DicomPixelDataException($"A mammogram has one sample per pixel; this image has {description.SamplesPerPixel} ({description.PhotometricInterpretation})");
        }

        PixelFrame frame = pixels.DecodeFrame(0);
        int count = description.Rows * description.Columns;
        int[] stored = ArrayPool<int>.Shared.Rent(count);
        float[] values = ArrayPool<float>.Shared.Rent(count);
        try
        {
            StoredValues.Extract(frame, 0, stored.AsSpan(0, count));
            var lut = ModalityLut.FromDataset(dataset, description);
            if (lut.IsIdentity)
            {
                for (int i = 0; i < count; i++)
                {
                    values[i] = stored[i];
                }
            }
            else
            {
                for (int i = 0; i < count; i++)
                {
                    values[i] = (float)lut.Apply(stored[i]);
                }
            }
        }
        catch
        {
            ArrayPool<float>.Shared.Return(values);
            throw;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(stored);
        }

        bool monochrome1 = description.PhotometricInterpretation.Trim().Equals("MONOCHROME1", StringComparison.OrdinalIgnoreCase);
        return new MammogramPlane(values, description.Columns, description.Rows, monochrome1) { _pooled = true };
    }

    public void Dispose()
    {
        if (_pooled)
        {
            _pooled = false;
            ArrayPool<float>.Shared.Return(Values);
        }
    }
}
