using System.Text.Json;
using ImageQuality.Analysis.Mammography.Landmarks;
using ImageQuality.Samples.Mammography;
using ImageQuality.Samples.Mammography.Dataset;
using ImageQuality.Samples.Mammography.Dicom;

namespace ImageQuality.Samples.Tests.Mammography;

public sealed class DatasetExportTests
{
    private const int W = LandmarkModelInput.Width;

    [Test]
    public void Label_bits_and_landmarks_match_the_truth_through_the_inference_transform()
    {
        for (int index = 0; index < 16; index++)
        {
            LandmarkSample sample = SyntheticLandmarkSamples.Make(index, seed: 77);
            var random = new Random(SyntheticExamPlanner.Mix(77, index));
            SyntheticMammogramSpec spec = SyntheticSpecSampler.Sample(random);
            var truth = SyntheticMammogramGenerator.Generate(spec).Truth;
            LandmarkSampleMeta meta = sample.Meta;

            sample.Input.Should().HaveCount(W * LandmarkModelInput.Height);
            sample.Labels.Should().HaveCount(W * LandmarkModelInput.Height);
            meta.View.Should().Be(spec.ViewPosition.ToString());
            meta.Faults.Should().Equal(truth.Faults);
            meta.PixelSpacingMm.X.Should().BeApproximately(sample.Transform.ScaleX * spec.BreastPlaneSpacingMm, 1e-9);
            for (int i = 0; i < sample.Labels.Length; i++)
            {
                byte bits = sample.Labels[i];
                ((bits & LandmarkSample.PectoralBit) == 0 || (bits & LandmarkSample.BreastBit) != 0).Should().BeTrue("the muscle is part of the breast");
                ((bits & LandmarkSample.ImfBit) == 0 || (bits & LandmarkSample.BreastBit) == 0).Should().BeTrue("the abdomen is not breast");
            }

            // Every cell's label agrees with the truth polygon at the cell centre, mapped back to the image.
            for (int cell = 0; cell < sample.Labels.Length; cell += 37)
            {
                var (x, y) = sample.Transform.ToImage(cell % W, cell / W);
                bool breast = PolygonMath.Contains(truth.BreastPolygon!, x, y);
                ((sample.Labels[cell] & LandmarkSample.BreastBit) != 0).Should().Be(breast, $"sample {index}, cell {cell}");
            }

            if (truth.Nipple is { } nipple)
            {
                var back = sample.Transform.ToImage(meta.Nipple!.Value.X, meta.Nipple.Value.Y);
                Math.Abs(back.X - nipple.X).Should().BeLessThan(1);
                Math.Abs(back.Y - nipple.Y).Should().BeLessThan(1);
            }
            else
            {
                meta.Nipple.Should().BeNull();
            }

            if (spec.ViewPosition == ViewPosition.MLO && meta.OrientationSource == "header")
            {
                var top = sample.Transform.ToImage(meta.PectoralEdge![0].X, meta.PectoralEdge[0].Y);
                Math.Abs(top.X - truth.PectoralEdge![0].X).Should().BeLessThan(1);
                meta.PectoralEdge[0].Y.Should().BeApproximately(-0.5, 1e-6, "canonical orientation puts the axilla at the top");
                meta.PectoralEdge[1].X.Should().BeApproximately(-0.5, 1e-6, "and the chest wall at the left");
            }
        }
    }

    [Test]
    public void The_model_input_has_tissue_bright_and_the_chest_wall_on_the_left()
    {
        for (int index = 0; index < 8; index++)
        {
            LandmarkSample sample = SyntheticLandmarkSamples.Make(index, seed: 5);
            double left = 0, right = 0, breast = 0, air = 0;
            int breastCells = 0, airCells = 0;
            for (int y = 0; y < LandmarkModelInput.Height; y++)
            {
                left += sample.Input[(y * W) + 1];
                right += sample.Input[(y * W) + W - 2];
            }

            for (int i = 0; i < sample.Labels.Length; i++)
            {
                if (sample.Labels[i] == LandmarkSample.BreastBit)
                {
                    breast += sample.Input[i];
                    breastCells++;
                }
                else if (sample.Labels[i] == 0)
                {
                    air += sample.Input[i];
                    airCells++;
                }
            }

            left.Should().BeGreaterThan(right, $"sample {index}");
            (breast / breastCells).Should().BeGreaterThan((air / Math.Max(1, airCells)) + 60, $"sample {index}: MONOCHROME1 is inverted by the preparation");
        }
    }

    [Test]
    public void The_writer_lays_out_fixed_size_records_and_one_meta_line_each()
    {
        string folder = Path.Combine(Path.GetTempPath(), "iq-dataset-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var writer = new LandmarkDatasetWriter(folder))
            {
                for (int i = 0; i < 3; i++)
                {
                    writer.Append(SyntheticLandmarkSamples.Make(i, seed: 3));
                }
            }

            new FileInfo(Path.Combine(folder, "inputs.u8")).Length.Should().Be(3L * W * LandmarkModelInput.Height);
            new FileInfo(Path.Combine(folder, "labels.u8")).Length.Should().Be(3L * W * LandmarkModelInput.Height);
            string[] lines = File.ReadAllLines(Path.Combine(folder, "meta.jsonl"));
            lines.Should().HaveCount(3);
            for (int i = 0; i < 3; i++)
            {
                using var json = JsonDocument.Parse(lines[i]);
                JsonElement m = json.RootElement;
                m.GetProperty("index").GetInt32().Should().Be(i);
                m.GetProperty("pixelSpacingMm").GetArrayLength().Should().Be(2);
                m.GetProperty("source").GetString().Should().Be($"synth/3-{i}");
                m.GetProperty("view").GetString().Should().BeOneOf("CC", "MLO");
            }

            File.Exists(Path.Combine(folder, "README.md")).Should().BeTrue();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
