using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Host.Identity.Migrations;

/// <summary>People (ASP.NET Core Identity) and organisations. Written by hand: the EF design-time package is not available.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122100001_Identity")]
public sealed class A001_Identity : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Organisations", t => new
        {
            Id = t.Column<string>("TEXT"),
            Name = t.Column<string>("TEXT"),
            Kind = t.Column<string>("TEXT"),
            ParentId = t.Column<string>("TEXT", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Organisations", x => x.Id));
        m.CreateIndex("IX_Organisations_ParentId", "Organisations", "ParentId");

        m.CreateTable("AspNetRoles", t => new
        {
            Id = t.Column<string>("TEXT"),
            Name = t.Column<string>("TEXT", maxLength: 256, nullable: true),
            NormalizedName = t.Column<string>("TEXT", maxLength: 256, nullable: true),
            ConcurrencyStamp = t.Column<string>("TEXT", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AspNetRoles", x => x.Id));
        m.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true);

        m.CreateTable("AspNetUsers", t => new
        {
            Id = t.Column<string>("TEXT"),
            DisplayName = t.Column<string>("TEXT"),
            OrganisationId = t.Column<string>("TEXT", nullable: true),
            UserName = t.Column<string>("TEXT", maxLength: 256, nullable: true),
            NormalizedUserName = t.Column<string>("TEXT", maxLength: 256, nullable: true),
            Email = t.Column<string>("TEXT", maxLength: 256, nullable: true),
            NormalizedEmail = t.Column<string>("TEXT", maxLength: 256, nullable: true),
            EmailConfirmed = t.Column<bool>("INTEGER"),
            PasswordHash = t.Column<string>("TEXT", nullable: true),
            SecurityStamp = t.Column<string>("TEXT", nullable: true),
            ConcurrencyStamp = t.Column<string>("TEXT", nullable: true),
            PhoneNumber = t.Column<string>("TEXT", nullable: true),
            PhoneNumberConfirmed = t.Column<bool>("INTEGER"),
            TwoFactorEnabled = t.Column<bool>("INTEGER"),
            LockoutEnd = t.Column<DateTimeOffset>("TEXT", nullable: true),
            LockoutEnabled = t.Column<bool>("INTEGER"),
            AccessFailedCount = t.Column<int>("INTEGER"),
        }, constraints: t => t.PrimaryKey("PK_AspNetUsers", x => x.Id));
        m.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        m.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
        m.CreateIndex("IX_AspNetUsers_OrganisationId", "AspNetUsers", "OrganisationId");

        m.CreateTable("AspNetRoleClaims", t => new
        {
            Id = t.Column<int>("INTEGER").Annotation("Sqlite:Autoincrement", true),
            RoleId = t.Column<string>("TEXT"),
            ClaimType = t.Column<string>("TEXT", nullable: true),
            ClaimValue = t.Column<string>("TEXT", nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
            t.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId");

        m.CreateTable("AspNetUserClaims", t => new
        {
            Id = t.Column<int>("INTEGER").Annotation("Sqlite:Autoincrement", true),
            UserId = t.Column<string>("TEXT"),
            ClaimType = t.Column<string>("TEXT", nullable: true),
            ClaimValue = t.Column<string>("TEXT", nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
            t.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");

        m.CreateTable("AspNetUserLogins", t => new
        {
            LoginProvider = t.Column<string>("TEXT"),
            ProviderKey = t.Column<string>("TEXT"),
            ProviderDisplayName = t.Column<string>("TEXT", nullable: true),
            UserId = t.Column<string>("TEXT"),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
            t.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");

        m.CreateTable("AspNetUserRoles", t => new
        {
            UserId = t.Column<string>("TEXT"),
            RoleId = t.Column<string>("TEXT"),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
            t.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId");

        m.CreateTable("AspNetUserTokens", t => new
        {
            UserId = t.Column<string>("TEXT"),
            LoginProvider = t.Column<string>("TEXT"),
            Name = t.Column<string>("TEXT"),
            Value = t.Column<string>("TEXT", nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
            t.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "AspNetUserTokens", "AspNetUserRoles", "AspNetUserLogins", "AspNetUserClaims", "AspNetRoleClaims", "AspNetUsers", "AspNetRoles", "Organisations" })
        {
            m.DropTable(table);
        }
    }
}
