namespace ImageQuality.Dicom.Network.Association;

/// <summary>
/// Counts established associations against the limit. A slot is taken only when an association is accepted and
/// is given back when its connection ends, however it ends, so the count cannot leak.
/// </summary>
internal sealed class AssociationSlots(int max)
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public bool TryAcquire()
    {
        while (true)
        {
            int current = Volatile.Read(ref _count);
            if (current >= max)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _count, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    public void Release() => Interlocked.Decrement(ref _count);
}
