using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KxHome.Host.Identity.Migrations;

/// <summary>
/// The model as the migrations leave it, written by hand. When the model changes, add a migration and change
/// this to match; a test fails while they differ.
/// </summary>
[DbContext(typeof(AppDbContext))]
public sealed class AppDbContextModelSnapshot : ModelSnapshot
{
    private const string User = "KxHome.Host.Identity.AppUser";
    private const string Role = "Microsoft.AspNetCore.Identity.IdentityRole";

    /// <inheritdoc />
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.14");

        modelBuilder.Entity("KxHome.Host.Identity.Organisation", b =>
        {
            b.Property<string>("Id").HasColumnType("TEXT");
            b.Property<string>("Name").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Kind").IsRequired().HasColumnType("TEXT");
            b.Property<string>("ParentId").HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("ParentId");
            b.ToTable("Organisations");
        });

        modelBuilder.Entity("KxHome.Host.Cases.Attachment", b =>
        {
            b.Property<Guid>("Id").HasColumnType("TEXT");
            b.Property<Guid>("InstanceId").HasColumnType("TEXT");
            b.Property<string>("FileName").IsRequired().HasColumnType("TEXT");
            b.Property<string>("ContentType").IsRequired().HasColumnType("TEXT");
            b.Property<long>("Size").HasColumnType("INTEGER");
            b.Property<string>("StoredName").IsRequired().HasColumnType("TEXT");
            b.Property<string>("UploadedBy").IsRequired().HasColumnType("TEXT");
            b.Property<DateTime>("UploadedAt").HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("InstanceId");
            b.ToTable("Attachments");
        });

        modelBuilder.Entity("KxHome.Host.Cases.Draft", b =>
        {
            b.Property<Guid>("TaskId").HasColumnType("TEXT");
            b.Property<string>("Data").IsRequired().HasColumnType("TEXT");
            b.Property<string>("SavedBy").IsRequired().HasColumnType("TEXT");
            b.Property<DateTime>("SavedAt").HasColumnType("TEXT");
            b.HasKey("TaskId");
            b.ToTable("Drafts");
        });

        modelBuilder.Entity("KxHome.Host.Cases.CarbonCopy", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<Guid>("InstanceId").HasColumnType("TEXT");
            b.Property<Guid>("TaskId").HasColumnType("TEXT");
            b.Property<string>("UserId").IsRequired().HasColumnType("TEXT");
            b.Property<string>("ByUserId").IsRequired().HasColumnType("TEXT");
            b.Property<DateTime>("At").HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("InstanceId");
            b.HasIndex("UserId", "At");
            b.ToTable("CarbonCopies");
        });

        modelBuilder.Entity("KxHome.Host.Association.LedgerEntry", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<long?>("AmountFen").HasColumnType("INTEGER");
            b.Property<DateTime>("At").HasColumnType("TEXT");
            b.Property<Guid>("InstanceId").HasColumnType("TEXT");
            b.Property<Guid>("JobId").HasColumnType("TEXT");
            b.Property<string>("Kind").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Owner").HasColumnType("TEXT");
            b.Property<string>("Summary").IsRequired().HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("InstanceId");
            b.HasIndex("JobId").IsUnique();
            b.HasIndex("Owner", "Kind");
            b.ToTable("Ledger");
        });

        modelBuilder.Entity("KxHome.Host.Studio.FlowDraft", b =>
        {
            b.Property<string>("Key").HasColumnType("TEXT");
            b.Property<DateTime>("SavedAt").HasColumnType("TEXT");
            b.Property<string>("SavedBy").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Xml").IsRequired().HasColumnType("TEXT");
            b.HasKey("Key");
            b.ToTable("FlowDrafts");
        });

        modelBuilder.Entity("KxHome.Host.Mail.SentMail", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<Guid>("NoticeId").HasColumnType("TEXT");
            b.Property<string>("Recipient").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Subject").IsRequired().HasColumnType("TEXT");
            b.Property<DateTime>("SentAt").HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("NoticeId", "Recipient").IsUnique();
            b.ToTable("SentMails");
        });

        modelBuilder.Entity("KxHome.Host.Mail.UsedLink", b =>
        {
            b.Property<string>("LinkId").HasColumnType("TEXT");
            b.Property<string>("UserId").IsRequired().HasColumnType("TEXT");
            b.Property<DateTime>("UsedAt").HasColumnType("TEXT");
            b.HasKey("LinkId");
            b.ToTable("UsedLinks");
        });

        modelBuilder.Entity(Role, b =>
        {
            b.Property<string>("Id").HasColumnType("TEXT");
            b.Property<string>("ConcurrencyStamp").IsConcurrencyToken().HasColumnType("TEXT");
            b.Property<string>("Name").HasMaxLength(256).HasColumnType("TEXT");
            b.Property<string>("NormalizedName").HasMaxLength(256).HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("NormalizedName").IsUnique().HasDatabaseName("RoleNameIndex");
            b.ToTable("AspNetRoles");
        });

        modelBuilder.Entity(User, b =>
        {
            b.Property<string>("Id").HasColumnType("TEXT");
            b.Property<int>("AccessFailedCount").HasColumnType("INTEGER");
            b.Property<string>("ConcurrencyStamp").IsConcurrencyToken().HasColumnType("TEXT");
            b.Property<string>("DisplayName").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Email").HasMaxLength(256).HasColumnType("TEXT");
            b.Property<bool>("EmailConfirmed").HasColumnType("INTEGER");
            b.Property<bool>("LockoutEnabled").HasColumnType("INTEGER");
            b.Property<DateTimeOffset?>("LockoutEnd").HasColumnType("TEXT");
            b.Property<string>("NormalizedEmail").HasMaxLength(256).HasColumnType("TEXT");
            b.Property<string>("NormalizedUserName").HasMaxLength(256).HasColumnType("TEXT");
            b.Property<string>("OrganisationId").HasColumnType("TEXT");
            b.Property<string>("PasswordHash").HasColumnType("TEXT");
            b.Property<string>("PhoneNumber").HasColumnType("TEXT");
            b.Property<bool>("PhoneNumberConfirmed").HasColumnType("INTEGER");
            b.Property<string>("SecurityStamp").HasColumnType("TEXT");
            b.Property<bool>("TwoFactorEnabled").HasColumnType("INTEGER");
            b.Property<string>("UserName").HasMaxLength(256).HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("NormalizedEmail").HasDatabaseName("EmailIndex");
            b.HasIndex("NormalizedUserName").IsUnique().HasDatabaseName("UserNameIndex");
            b.HasIndex("OrganisationId");
            b.ToTable("AspNetUsers");
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("ClaimType").HasColumnType("TEXT");
            b.Property<string>("ClaimValue").HasColumnType("TEXT");
            b.Property<string>("RoleId").IsRequired().HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("RoleId");
            b.ToTable("AspNetRoleClaims");
            b.HasOne(Role, null).WithMany().HasForeignKey("RoleId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserClaim<string>", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("ClaimType").HasColumnType("TEXT");
            b.Property<string>("ClaimValue").HasColumnType("TEXT");
            b.Property<string>("UserId").IsRequired().HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("UserId");
            b.ToTable("AspNetUserClaims");
            b.HasOne(User, null).WithMany().HasForeignKey("UserId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserLogin<string>", b =>
        {
            b.Property<string>("LoginProvider").HasColumnType("TEXT");
            b.Property<string>("ProviderKey").HasColumnType("TEXT");
            b.Property<string>("ProviderDisplayName").HasColumnType("TEXT");
            b.Property<string>("UserId").IsRequired().HasColumnType("TEXT");
            b.HasKey("LoginProvider", "ProviderKey");
            b.HasIndex("UserId");
            b.ToTable("AspNetUserLogins");
            b.HasOne(User, null).WithMany().HasForeignKey("UserId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserRole<string>", b =>
        {
            b.Property<string>("UserId").HasColumnType("TEXT");
            b.Property<string>("RoleId").HasColumnType("TEXT");
            b.HasKey("UserId", "RoleId");
            b.HasIndex("RoleId");
            b.ToTable("AspNetUserRoles");
            b.HasOne(Role, null).WithMany().HasForeignKey("RoleId").OnDelete(DeleteBehavior.Cascade).IsRequired();
            b.HasOne(User, null).WithMany().HasForeignKey("UserId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserToken<string>", b =>
        {
            b.Property<string>("UserId").HasColumnType("TEXT");
            b.Property<string>("LoginProvider").HasColumnType("TEXT");
            b.Property<string>("Name").HasColumnType("TEXT");
            b.Property<string>("Value").HasColumnType("TEXT");
            b.HasKey("UserId", "LoginProvider", "Name");
            b.ToTable("AspNetUserTokens");
            b.HasOne(User, null).WithMany().HasForeignKey("UserId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });
    }
}
