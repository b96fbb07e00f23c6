namespace NewsLens.Analyse.Entities;

/// <summary>
/// Distributional classes of characters (learnt from unlabelled text by the trainer): characters used in
/// similar contexts share a class, so a rare character of a transliteration or a given name gets the
/// evidence of the frequent ones of its class. Stored in the model as one string per class (its characters).
/// Class 0 = unknown character.
/// </summary>
internal sealed class CharClusters
{
    private readonly ushort[] classOf = new ushort[char.MaxValue + 1];

    public CharClusters(IReadOnlyList<string> classes)
    {
        if (classes.Count >= ushort.MaxValue)
            throw new InvalidDataException($"{classes.Count} character classes (at most {ushort.MaxValue - 1})");
        for (var k = 0; k < classes.Count; k++)
            foreach (var c in classes[k])
                classOf[c] = (ushort)(k + 1);
        Count = classes.Count;
    }

    public static CharClusters Empty { get; } = new([]);

    public int Count { get; }

    public int this[char c] => classOf[c];
}
