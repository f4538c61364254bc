using Microsoft.AspNetCore.Identity;

namespace KxHome.Host.Identity;

/// <summary>
/// Demo organisations and one login per role, for Development and training (README lists them). Created once;
/// starting again changes nothing.
/// </summary>
public static class DemoData
{
    /// <summary>The password of every demo login; for demos only.</summary>
    public const string Password = "Demo@2026";

    public static readonly Organisation[] Organisations =
    [
        new() { Id = "sh", Name = "上海市科协", Kind = OrganisationKind.Province },
        new() { Id = "jd", Name = "嘉定区科协", Kind = OrganisationKind.District, ParentId = "sh" },
        new() { Id = "jd-juyuan", Name = "菊园新区科协", Kind = OrganisationKind.Street, ParentId = "jd" },
        new() { Id = "jd-industrial-park", Name = "嘉定工业区科协", Kind = OrganisationKind.Park, ParentId = "jd-juyuan" },
        new() { Id = "jd-sensor", Name = "嘉定智能传感科技有限公司科协", Kind = OrganisationKind.Enterprise, ParentId = "jd-juyuan" },
        new() { Id = "jd-materials", Name = "嘉定新材料产业园科协", Kind = OrganisationKind.Park, ParentId = "jd" },
        new() { Id = "jd-nanxiang", Name = "南翔镇科协", Kind = OrganisationKind.Street, ParentId = "jd" },
        new() { Id = "jd-robot", Name = "上海嘉定机器人科技有限公司科协", Kind = OrganisationKind.Enterprise, ParentId = "jd-nanxiang" },
        new() { Id = "jd-auto", Name = "嘉定汽车产业园科协", Kind = OrganisationKind.Park, ParentId = "jd" },
        new() { Id = "bs", Name = "宝山区科协", Kind = OrganisationKind.District, ParentId = "sh" },
        new() { Id = "bs-park", Name = "宝山城市工业园区科协", Kind = OrganisationKind.Park, ParentId = "bs" },
        new() { Id = "hn", Name = "湖南省科协", Kind = OrganisationKind.Province },
        new() { Id = "yy", Name = "益阳市科协", Kind = OrganisationKind.City, ParentId = "hn", RuleSet = Workflows.Association.RuleSet.Yiyang },
        new() { Id = "yy-hitech", Name = "益阳高新区科协", Kind = OrganisationKind.Park, ParentId = "yy" },
        new() { Id = "js", Name = "江苏省科协", Kind = OrganisationKind.Province, RuleSet = Workflows.Association.RuleSet.Jiangsu },
        new() { Id = "nj", Name = "南京市科协", Kind = OrganisationKind.City, ParentId = "js" },
        new() { Id = "wx", Name = "无锡市科协", Kind = OrganisationKind.City, ParentId = "js" },
        new() { Id = "js-mech", Name = "江苏省机械工程学会", Kind = OrganisationKind.Society, ParentId = "js" },
        new() { Id = "js-ai", Name = "江苏省人工智能学会", Kind = OrganisationKind.Society, ParentId = "js" },
        new() { Id = "nj-panda", Name = "南京熊猫电子集团科协", Kind = OrganisationKind.Enterprise, ParentId = "nj" },
        new() { Id = "nj-gulou", Name = "鼓楼区科协", Kind = OrganisationKind.District, ParentId = "nj" },
        new() { Id = "nj-hunanlu", Name = "湖南路街道科协", Kind = OrganisationKind.Street, ParentId = "nj-gulou" },
    ];

    /// <summary>(login, display name, organisation, role); each signs in as <c>{login}@kxhome.demo</c>.</summary>
    public static readonly (string UserName, string DisplayName, string Organisation, string Role)[] Users =
    [
        ("applicant", "王芳（嘉定工业区）", "jd-industrial-park", Roles.Applicant),
        ("applicant2", "陈静（宝山城市工业园区）", "bs-park", Roles.Applicant),
        ("street", "李强（菊园新区）", "jd-juyuan", Roles.Street),
        ("district", "张伟（嘉定区科协）", "jd", Roles.District),
        ("city", "刘洋（上海市科协）", "sh", Roles.City),
        ("party", "赵敏（园区党工委）", "jd-industrial-park", Roles.PartyCommittee),
        ("committee", "钱进（园区科协委员会）", "jd-industrial-park", Roles.Committee),
        ("expert", "孙磊（评审专家）", "jd", Roles.Expert),
        ("admin", "周婷（系统管理员）", "jd", Roles.Administrator),
        ("district2", "吴刚（宝山区科协）", "bs", Roles.District),
        ("applicant3", "刘敏（益阳高新区）", "yy-hitech", Roles.Applicant),
        ("yiyang", "李帅（益阳市科协）", "yy", Roles.City),
        ("jiangsu", "王亮（江苏省科协办公室）", "js", Roles.Province),
        ("jsexpert", "陈志远（省科协评审专家）", "js", Roles.Expert),
        ("jsexpert2", "林晓燕（省科协评审专家）", "js", Roles.Expert),
        ("nanjing", "许倩（南京市科协）", "nj", Roles.Applicant),
        ("wuxi", "顾斌（无锡市科协）", "wx", Roles.Applicant),
        ("society", "周航（江苏省机械工程学会）", "js-mech", Roles.Applicant),
        ("aisociety", "钱程（江苏省人工智能学会）", "js-ai", Roles.Applicant),
        ("panda", "孙悦（熊猫电子集团科协）", "nj-panda", Roles.Applicant),
        ("hunanlu", "马丽（湖南路街道科协）", "nj-hunanlu", Roles.Applicant),
    ];

    public static async Task SeedAsync(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));
        }
        foreach (var organisation in Organisations)
        {
            if (await db.Organisations.FindAsync(organisation.Id) is null) db.Organisations.Add(organisation);
        }
        await db.SaveChangesAsync();
        foreach (var (userName, displayName, organisationId, role) in Users)
        {
            var email = $"{userName}@kxhome.demo";
            if (await users.FindByNameAsync(email) is not null) continue;
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true,
                DisplayName = displayName, OrganisationId = organisationId,
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
