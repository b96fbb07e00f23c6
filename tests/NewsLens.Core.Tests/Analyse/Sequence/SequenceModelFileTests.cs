using NewsLens.Analyse.Script;
using NewsLens.Analyse.Segmentation;
using NewsLens.Analyse.Sequence;

namespace NewsLens.Tests.Analyse.Sequence;

public sealed class SequenceModelFileTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "nl-seq-" + Guid.NewGuid().ToString("N"));

    public SequenceModelFileTests() => Directory.CreateDirectory(dir);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(out SequenceModelData data)
    {
        data = TinyModels.CwsData(ScriptFolder.Identity);
        var path = Path.Combine(dir, "m.bin");
        SequenceModelFile.Write(path, data);
        return path;
    }

    [Fact]
    public void Round_trip_keeps_everything()
    {
        var path = Write(out var data);
        var read = SequenceModelFile.Read(path, Segmenter.ModelKind, CwsFeatures.FeatureSet);
        Assert.Equal(data.Labels, read.Labels);
        Assert.Equal(data.Keys, read.Keys);
        Assert.Equal(data.Weights, read.Weights);
        Assert.Equal(data.Transitions, read.Transitions);
        Assert.Equal(data.Lists[Segmenter.LexiconList], read.Lists[Segmenter.LexiconList]);
    }

    [Fact]
    public void Training_is_deterministic_to_the_byte()
    {
        var a = Path.Combine(dir, "a.bin");
        var b = Path.Combine(dir, "b.bin");
        SequenceModelFile.Write(a, TinyModels.CwsData(ScriptFolder.Identity));
        SequenceModelFile.Write(b, TinyModels.CwsData(ScriptFolder.Identity));
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void A_flipped_byte_is_reported_as_corrupt()
    {
        var path = Write(out _);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<InvalidDataException>(() => SequenceModelFile.Read(path, Segmenter.ModelKind, CwsFeatures.FeatureSet));
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_is_refused()
    {
        var path = Write(out _);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);
        Assert.Throws<InvalidDataException>(() => SequenceModelFile.Read(path, Segmenter.ModelKind, CwsFeatures.FeatureSet));
    }

    [Fact]
    public void Another_kind_or_feature_set_or_version_is_refused_by_name()
    {
        var path = Write(out _);
        var kind = Assert.Throws<InvalidDataException>(() => SequenceModelFile.Read(path, "ner", CwsFeatures.FeatureSet));
        Assert.Contains("kind 'cws', expected 'ner'", kind.Message, StringComparison.Ordinal);
        var set = Assert.Throws<InvalidDataException>(() => SequenceModelFile.Read(path, Segmenter.ModelKind, "cws-features/999"));
        Assert.Contains("retrain", set.Message, StringComparison.Ordinal);

        var bytes = File.ReadAllBytes(path);
        bytes[8] = 99;
        File.WriteAllBytes(path, bytes);
        var version = Assert.Throws<InvalidDataException>(() => SequenceModelFile.Read(path, Segmenter.ModelKind, CwsFeatures.FeatureSet));
        Assert.Contains("format version 99", version.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_a_model_file_is_refused()
    {
        var path = Path.Combine(dir, "junk.bin");
        File.WriteAllText(path, "this is not a model at all, just some text");
        var error = Assert.Throws<InvalidDataException>(() => SequenceModelFile.Read(path, Segmenter.ModelKind, CwsFeatures.FeatureSet));
        Assert.Contains("magic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_names_the_path()
    {
        var path = Path.Combine(dir, "absent.bin");
        var error = Assert.Throws<FileNotFoundException>(() => SequenceModelFile.Read(path, Segmenter.ModelKind, CwsFeatures.FeatureSet));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
