using Microsoft.ML.OnnxRuntime;

namespace ImageQuality.Analysis.Models;

/// <summary>
/// One ONNX model file, loaded once per process and shared by every worker: an <see cref="InferenceSession"/> is
/// safe to run from several threads, and loading costs far more than a run. Its version comes from the file's
/// metadata ("version"), so results can say which model produced them.
/// </summary>
public sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession _session;

    private OnnxModel(InferenceSession session, string path)
    {
        _session = session;
        Path = path;
        Metadata = session.ModelMetadata.CustomMetadataMap;
        Version = Metadata.TryGetValue("version", out string? v) && v.Length > 0 ? v : System.IO.Path.GetFileNameWithoutExtension(path);
    }

    public string Path { get; }

    /// <summary>The model's own version string (metadata "version"), else the file name.</summary>
    public string Version { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>
    /// Loads <paramref name="path"/> for the CPU. <paramref name="threads"/> bounds the threads one run uses (0: ONNX
    /// Runtime's default, one per core); the service runs several workers, each with a few threads.
    /// </summary>
    public static OnnxModel Load(string path, int threads = 0)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The model file {path} does not exist (models/ ships next to the binary)", path);
        }

        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
        };
        try
        {
            return new OnnxModel(new InferenceSession(path, options), path);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"The model file {path} cannot be loaded by ONNX Runtime: {e.Message}", e);
        }
    }

    /// <summary>Runs the model on one float input and returns every output by name, with its shape.</summary>
    public IReadOnlyDictionary<string, (float[] Values, int[] Shape)> Run(string inputName, float[] input, int[] shape)
    {
        var dims = Array.ConvertAll(shape, d => (long)d);
        using var tensor = OrtValue.CreateTensorValueFromMemory(input, dims);
        var inputs = new Dictionary<string, OrtValue> { [inputName] = tensor };
        using var runOptions = new RunOptions();
        using IDisposableReadOnlyCollection<OrtValue> outputs = _session.Run(runOptions, inputs, _session.OutputNames);
        var result = new Dictionary<string, (float[], int[])>(StringComparer.Ordinal);
        for (int i = 0; i < outputs.Count; i++)
        {
            OrtValue value = outputs[i];
            var info = value.GetTensorTypeAndShape();
            result[_session.OutputNames[i]] = (value.GetTensorDataAsSpan<float>().ToArray(), Array.ConvertAll(info.Shape, d => (int)d));
        }

        return result;
    }

    public void Dispose() => _session.Dispose();
}
