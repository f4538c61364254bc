using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Host.Identity.Migrations;

/// <summary>What the host keeps beside the engine's cases: attachments, drafts, copies (抄送), sent mail and used email links.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122100002_CaseFiles")]
public sealed class A002_CaseFiles : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Attachments", t => new
        {
            Id = t.Column<Guid>("TEXT"),
            InstanceId = t.Column<Guid>("TEXT"),
            FileName = t.Column<string>("TEXT"),
            ContentType = t.Column<string>("TEXT"),
            Size = t.Column<long>("INTEGER"),
            StoredName = t.Column<string>("TEXT"),
            UploadedBy = t.Column<string>("TEXT"),
            UploadedAt = t.Column<DateTime>("TEXT"),
        }, constraints: t => t.PrimaryKey("PK_Attachments", x => x.Id));
        m.CreateIndex("IX_Attachments_InstanceId", "Attachments", "InstanceId");

        m.CreateTable("Drafts", t => new
        {
            TaskId = t.Column<Guid>("TEXT"),
            Data = t.Column<string>("TEXT"),
            SavedBy = t.Column<string>("TEXT"),
            SavedAt = t.Column<DateTime>("TEXT"),
        }, constraints: t => t.PrimaryKey("PK_Drafts", x => x.TaskId));

        m.CreateTable("CarbonCopies", t => new
        {
            Id = t.Column<long>("INTEGER").Annotation("Sqlite:Autoincrement", true),
            InstanceId = t.Column<Guid>("TEXT"),
            TaskId = t.Column<Guid>("TEXT"),
            UserId = t.Column<string>("TEXT"),
            ByUserId = t.Column<string>("TEXT"),
            At = t.Column<DateTime>("TEXT"),
        }, constraints: t => t.PrimaryKey("PK_CarbonCopies", x => x.Id));
        m.CreateIndex("IX_CarbonCopies_InstanceId", "CarbonCopies", "InstanceId");
        m.CreateIndex("IX_CarbonCopies_UserId_At", "CarbonCopies", ["UserId", "At"]);

        m.CreateTable("SentMails", t => new
        {
            Id = t.Column<long>("INTEGER").Annotation("Sqlite:Autoincrement", true),
            NoticeId = t.Column<Guid>("TEXT"),
            Recipient = t.Column<string>("TEXT"),
            Subject = t.Column<string>("TEXT"),
            SentAt = t.Column<DateTime>("TEXT"),
        }, constraints: t => t.PrimaryKey("PK_SentMails", x => x.Id));
        m.CreateIndex("IX_SentMails_NoticeId_Recipient", "SentMails", ["NoticeId", "Recipient"], unique: true);

        m.CreateTable("UsedLinks", t => new
        {
            LinkId = t.Column<string>("TEXT"),
            UserId = t.Column<string>("TEXT"),
            UsedAt = t.Column<DateTime>("TEXT"),
        }, constraints: t => t.PrimaryKey("PK_UsedLinks", x => x.LinkId));
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("UsedLinks");
        m.DropTable("SentMails");
        m.DropTable("CarbonCopies");
        m.DropTable("Drafts");
        m.DropTable("Attachments");
    }
}
