using System.Security.Cryptography;

namespace KxHome.Workflows.Core;

/// <summary>
/// New identifiers for the engine's rows and tokens. On Linux <see cref="Guid.NewGuid"/> (and so
/// <see cref="Guid.CreateVersion7()"/>) reads /dev/urandom once per identifier, a system call each, and a step makes
/// several; these take their random bits from a buffer the cryptographic generator fills 256 identifiers at a time.
/// </summary>
internal static class Ids
{
    private const int PoolSize = 16 * 256;

    [ThreadStatic] private static byte[]? t_pool;
    [ThreadStatic] private static int t_taken;

    /// <summary>A random identifier (RFC 9562 version 4).</summary>
    public static Guid Random()
    {
        Span<byte> bytes = stackalloc byte[16];
        TakeRandom(bytes);
        return Stamp(bytes, version: 4);
    }

    /// <summary>
    /// An identifier that starts with <paramref name="now"/> (UTC, the engine's clock) in milliseconds (RFC 9562
    /// version 7), so rows keyed by it are appended in the order they were made rather than scattered over the index.
    /// </summary>
    public static Guid TimeOrdered(DateTime now)
    {
        Span<byte> bytes = stackalloc byte[16];
        TakeRandom(bytes[6..]);
        var milliseconds = new DateTimeOffset(now, TimeSpan.Zero).ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--, milliseconds >>= 8) bytes[i] = (byte)milliseconds;
        return Stamp(bytes, version: 7);
    }

    /// <summary>Sets the version and the RFC variant in big-endian <paramref name="bytes"/>.</summary>
    private static Guid Stamp(Span<byte> bytes, int version)
    {
        bytes[6] = (byte)((version << 4) | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private static void TakeRandom(Span<byte> into)
    {
        if (t_pool is null || t_taken + into.Length > PoolSize)
        {
            t_pool ??= new byte[PoolSize];
            RandomNumberGenerator.Fill(t_pool);
            t_taken = 0;
        }
        t_pool.AsSpan(t_taken, into.Length).CopyTo(into);
        t_taken += into.Length;
    }
}
