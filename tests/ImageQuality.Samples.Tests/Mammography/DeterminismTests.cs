using ImageQuality.Samples.Mammography;
using ImageQuality.Samples.Mammography.Truth;

namespace ImageQuality.Samples.Tests.Mammography;

public sealed class DeterminismTests
{
    [Test]
    public void The_same_spec_gives_the_same_pixels_and_truth_and_another_seed_does_not()
    {
        var spec = Specs.Small(ViewPosition.MLO, 21, PositioningFault.PectoralConcave);

        SyntheticMammogram first = SyntheticMammogramGenerator.Generate(spec);
        SyntheticMammogram again = SyntheticMammogramGenerator.Generate(spec);
        SyntheticMammogram other = SyntheticMammogramGenerator.Generate(spec with { Seed = 22 });

        again.Pixels.Should().Equal(first.Pixels);
        GroundTruthJson.Write(again.Truth).Should().Be(GroundTruthJson.Write(first.Truth));
        other.Pixels.SequenceEqual(first.Pixels).Should().BeFalse();
        GroundTruthJson.Write(other.Truth).Should().NotBe(GroundTruthJson.Write(first.Truth));
    }

    [Test]
    public void Exams_of_the_same_seed_have_the_same_UIDs_and_faults()
    {
        var at = new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Unspecified);
        var a = SyntheticExamPlanner.Plan(3, 9, 0.5, at);
        var b = SyntheticExamPlanner.Plan(3, 9, 0.5, at);
        var c = SyntheticExamPlanner.Plan(4, 9, 0.5, at);

        a.Select(p => p.Acquisition.SopInstanceUid).Should().Equal(b.Select(p => p.Acquisition.SopInstanceUid));
        a.Select(p => string.Join(',', p.Spec.Faults)).Should().Equal(b.Select(p => string.Join(',', p.Spec.Faults)));
        a.Select(p => p.Acquisition.StudyInstanceUid).Distinct().Should().ContainSingle();
        c[0].Acquisition.StudyInstanceUid.Should().NotBe(a[0].Acquisition.StudyInstanceUid);
        a.Should().OnlyContain(p => p.Acquisition.SopInstanceUid.StartsWith("2.25.", StringComparison.Ordinal) && p.Acquisition.SopInstanceUid.Length <= 64);
    }

    [Test]
    public void The_fault_rate_sets_the_share_of_faulty_images()
    {
        var at = new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Unspecified);
        var images = Enumerable.Range(1, 250).SelectMany(e => SyntheticExamPlanner.Plan(e, 5, 0.2, at)).ToList();
        var none = Enumerable.Range(1, 50).SelectMany(e => SyntheticExamPlanner.Plan(e, 5, 0, at)).ToList();

        images.Count(p => p.Spec.Faults.Count > 0).Should().BeInRange(150, 250, "about 20% of 1,000 images");
        images.Should().OnlyContain(p => p.Spec.Faults.All(f => f.AppliesTo(p.Spec.ViewPosition)));
        none.Should().OnlyContain(p => p.Spec.Faults.Count == 0);
        images.Select(p => p.Acquisition.OperatorsName).Distinct().Count().Should().BeGreaterThan(3);
        images.Select(p => p.Acquisition.Station.StationName).Distinct().Count().Should().BeGreaterThan(3);
    }
}
