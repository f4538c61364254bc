using KxHome.Host.Identity;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Host.Cases;

/// <summary>
/// Evidence files of a case: size and type limits, stored outside the web root under generated names, read back
/// only through a check of who is asking (the caller's).
/// </summary>
public sealed class CaseFiles(AppDbContext db, IConfiguration configuration, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    // Extension → content type, and the first bytes a real file of that kind starts with.
    private static readonly Dictionary<string, (string ContentType, byte[] Magic)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "%PDF"u8.ToArray()),
        [".png"] = ("image/png", [0x89, 0x50, 0x4E, 0x47]),
        [".jpg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".jpeg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"u8.ToArray()),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK"u8.ToArray()),
    };

    public static string AllowedList => "PDF、PNG、JPG、DOCX、XLSX";

    private string Folder => configuration["Attachments:Folder"] ?? Path.Combine(Path.GetTempPath(), "kxhome-attachments");

    /// <summary>The longest file name kept (a name is shown in lists and in the download's header).</summary>
    public const int MaxNameLength = 120;

    /// <summary>A browser sends the bare name: a path, a control character or an endless name is someone probing.</summary>
    private static string? NameProblem(string name) =>
        name.Length > MaxNameLength ? $"文件名超过 {MaxNameLength} 个字符"
        : name.IndexOfAny(['/', '\\']) >= 0 || name.Any(char.IsControl) || name.Trim('.').Length == 0 ? "文件名不能包含路径或控制字符"
        : null;

    public Task<List<Attachment>> ListAsync(Guid instanceId) =>
        db.Attachments.AsNoTracking().Where(a => a.InstanceId == instanceId).OrderBy(a => a.UploadedAt).ToListAsync();

    /// <summary>Stores an upload, or says in Chinese why not; nothing is kept from a refused file.</summary>
    public async Task<(Attachment? Saved, string? Problem)> SaveAsync(Guid instanceId, IFormFile file, string userId, string? slot = null)
    {
        if (NameProblem(file.FileName) is { } refused) return (null, refused);
        var name = file.FileName;
        if (file.Length == 0) return (null, $"文件 “{name}” 是空的");
        if (file.Length > MaxBytes) return (null, $"文件 “{name}” 超过 10 MB");
        if (!Allowed.TryGetValue(Path.GetExtension(name), out var kind)) return (null, $"文件 “{name}” 的类型不允许，只能上传 {AllowedList}");
        var head = new byte[kind.Magic.Length];
        await using (var stream = file.OpenReadStream())
        {
            if (await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false) < head.Length || !head.SequenceEqual(kind.Magic))
            {
                return (null, $"文件 “{name}” 的内容与扩展名不符");
            }
        }
        await using var content = file.OpenReadStream();
        return (await StoreAsync(instanceId, name, kind.ContentType, file.Length, content, slot, userId), null);
    }

    /// <summary>Keeps a file the system wrote for the case (the year-end tables as handed in).</summary>
    public async Task<Attachment> KeepAsync(Guid instanceId, string fileName, string contentType, byte[] content, string slot, string userId)
    {
        using var stream = new MemoryStream(content);
        return await StoreAsync(instanceId, fileName, contentType, content.Length, stream, slot, userId);
    }

    private async Task<Attachment> StoreAsync(Guid instanceId, string name, string contentType, long size, Stream content, string? slot, string userId)
    {
        Directory.CreateDirectory(Folder);
        var attachment = new Attachment
        {
            Id = Guid.NewGuid(), InstanceId = instanceId, FileName = name, ContentType = contentType, Size = size,
            Slot = string.IsNullOrWhiteSpace(slot) ? null : slot.Trim(), UploadedBy = userId, UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        attachment.StoredName = attachment.Id.ToString("N") + Path.GetExtension(name).ToLowerInvariant();
        await using (var target = File.Create(Path.Combine(Folder, attachment.StoredName)))
        {
            await content.CopyToAsync(target);
        }
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync();
        return attachment;
    }

    /// <summary>The required documents (slots) the case has a file for.</summary>
    public async Task<HashSet<string>> SlotsAsync(Guid instanceId) =>
        (await db.Attachments.AsNoTracking().Where(a => a.InstanceId == instanceId && a.Slot != null).Select(a => a.Slot!).ToListAsync()).ToHashSet();

    /// <summary>Removes a file of the case; false when the case has no such file.</summary>
    public async Task<bool> DeleteAsync(Guid instanceId, Guid attachmentId)
    {
        var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.InstanceId == instanceId);
        if (attachment is null) return false;
        db.Attachments.Remove(attachment);
        await db.SaveChangesAsync();
        File.Delete(Path.Combine(Folder, attachment.StoredName)); // after the row: a file left behind is harmless, a row without its file is not
        return true;
    }

    public async Task<(Attachment Attachment, Stream Content)?> OpenAsync(Guid instanceId, Guid attachmentId)
    {
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.InstanceId == instanceId);
        var path = attachment is null ? null : Path.Combine(Folder, attachment.StoredName);
        return path is not null && File.Exists(path) ? (attachment!, File.OpenRead(path)) : null;
    }
}
