using ImageQuality.Analysis.Models;

namespace ImageQuality.Analysis.Mammography.Landmarks;

/// <summary>
/// The landmark model (models/mammo-landmarks.onnx, contract in models/mammo-landmarks.md): input "image"
/// [N,1,320,256]; outputs "masks" [N,3,320,256] logits (breast, pectoral, IMF region), "nipple" [N,1,320,256]
/// heatmap logits and "nipple_profile" [N,1] logit.
/// </summary>
public sealed class LandmarkModel(OnnxModel model)
{
    public const string DefaultFileName = "mammo-landmarks.onnx";

    public string Version => model.Version;

    public GridLandmarks Find(float[] tensor)
    {
        var outputs = model.Run("image", tensor, [1, 1, LandmarkModelInput.Height, LandmarkModelInput.Width]);
        if (!outputs.TryGetValue("masks", out var masks) || !outputs.TryGetValue("nipple", out var nipple) || !outputs.TryGetValue("nipple_profile", out var profile))
        {
            throw new InvalidDataException($"The landmark model {model.Path} lacks an output of the contract (masks, nipple, nipple_profile); it has {string.Join(", ", outputs.Keys)}");
        }

        int cells = LandmarkModelInput.Width * LandmarkModelInput.Height;
        if (masks.Values.Length != 3 * cells || nipple.Values.Length != cells || profile.Values.Length != 1)
        {
            throw new InvalidDataException($"The landmark model {model.Path} returned outputs of unexpected sizes ({masks.Values.Length}, {nipple.Values.Length}, {profile.Values.Length})");
        }

        return LandmarkDecoder.Decode(masks.Values, nipple.Values, profile.Values[0]);
    }
}
