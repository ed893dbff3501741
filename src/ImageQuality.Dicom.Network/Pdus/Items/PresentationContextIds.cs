namespace ImageQuality.Dicom.Network.Pdus.Items;

/// <summary>Presentation context IDs are odd integers from 1 to 255 (PS3.8 9.3.2.2).</summary>
internal static class PresentationContextIds
{
    public static void Check(byte id)
    {
        if ((id & 1) == 0)
        {
            throw PduReading.Invalid($"Presentation context ID {id} is even; IDs are odd integers from 1 to 255");
        }
    }
}
