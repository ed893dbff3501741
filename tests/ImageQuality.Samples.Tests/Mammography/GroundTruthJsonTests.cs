using ImageQuality.Samples.Mammography;
using ImageQuality.Samples.Mammography.Truth;

namespace ImageQuality.Samples.Tests.Mammography;

public sealed class GroundTruthJsonTests
{
    [Test]
    public void Written_truth_reads_back_to_the_same_landmarks()
    {
        MammogramGroundTruth truth = SyntheticMammogramGenerator.Generate(Specs.Small(ViewPosition.MLO, 4)).Truth;

        MammogramGroundTruth read = GroundTruthJson.Read(GroundTruthJson.Write(truth, "2.25.1"));

        read.View.Should().Be("MLO");
        read.Nipple!.Value.X.Should().BeApproximately(truth.Nipple!.Value.X, 0.001);
        read.PectoralEdge.Should().HaveCount(2);
        read.BreastPolygon.Should().HaveCount(truth.BreastPolygon!.Count);
        read.ImfPolygon.Should().HaveCount(truth.ImfPolygon!.Count);
        read.Faults.Should().Equal(truth.Faults);
    }

    [Test]
    public void A_hand_made_annotation_may_leave_out_what_was_not_drawn()
    {
        MammogramGroundTruth read = GroundTruthJson.Read("""{"view": "mlo", "nipple": [10.5, 20], "pectoralEdge": [{"x": 1, "y": 2}, [3, 4]]}""");

        read.View.Should().Be("MLO");
        read.Nipple.Should().Be((10.5, 20.0));
        read.PectoralEdge.Should().Equal((1.0, 2.0), (3.0, 4.0));
        read.BreastPolygon.Should().BeNull("not drawn is not the same as empty");
        FluentActions.Invoking(() => GroundTruthJson.Read("{}")).Should().Throw<FormatException>().WithMessage("*view*");
    }
}
