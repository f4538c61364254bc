using KxHome.Host.Cases;
using KxHome.Host.Identity;
using KxHome.Workflows.Association;
using KxHome.Workflows.Tests.Support;

namespace KxHome.Workflows.Tests.Reporting;

/// <summary>
/// The records behind a year-end report in Jiading (and one association in Baoshan, which Jiading's tables must not
/// hold): an enterprise association with its officers, a park association with its legal representative, a home of
/// the park with this year's and last year's events, and the district's own figures.
/// </summary>
public static class YearEndRecords
{
    public const int Year = 2026;
    public const string Enterprise = "嘉定智能传感科技有限公司科学技术协会";
    public const string Park = "嘉定新材料产业园科学技术协会";
    public const string Elsewhere = "宝山城市工业园区科学技术协会";
    public const string Salon = "\"智能制造\"技术沙龙，第二期";

    public static async Task SeedAsync(HomeDriver drive)
    {
        var home = await drive.SeedHomeAsync("新材料产业园科技工作者之家", HomeKind.Park, organisation: "jd-materials");
        var now = drive.Time.Now.UtcDateTime;
        await drive.WithAsync<AppDbContext, int>(async db =>
        {
            var enterprise = Association(Enterprise, "jd-sensor", AssociationKind.Enterprise, new DateOnly(2026, 3, 2));
            enterprise.Address = "上海市嘉定区菊园新区环城路 2222 号";
            var park = Association(Park, "jd-materials", AssociationKind.Park, new DateOnly(2024, 9, 1));
            park.SecretariatUnit = "园区科创服务中心";
            (park.LegalRepresentative, park.LegalRepresentativeTitle, park.LegalRepresentativePhone) = ("周国华", "管委会主任", "021-59990000");
            db.Associations.AddRange(enterprise, park, Association(Elsewhere, "bs-park", AssociationKind.Park, new DateOnly(2023, 4, 1)));
            Officers(db, enterprise.Id, ("黄志明", "董事长", "13800000001", OfficerRole.Chair), ("陈一", "总工程师", "13800000002", OfficerRole.ViceChair),
                ("陈二", "研发总监", "13800000003", OfficerRole.ViceChair), ("李三", "人事经理", "13800000004", OfficerRole.SecretaryGeneral),
                ("赵四", "干事", "13800000005", OfficerRole.Contact));
            Officers(db, park.Id, ("陈立新", "管委会副主任", "021-59991001", OfficerRole.Chair), ("王建国", "中心主任", "021-59991002", OfficerRole.SecretaryGeneral));
            var salon = Event(home.Id, new DateOnly(2026, 4, 20), Salon, EventPart.Host, 42, now);
            salon.Content = "邀请高校专家讲解工业视觉检测";
            salon.Outcome = "达成合作意向 2 项";
            db.ServiceEvents.AddRange(salon, Event(home.Id, new DateOnly(2026, 6, 3), "供需对接会", EventPart.CoHost, 60, now),
                Event(home.Id, new DateOnly(2025, 11, 5), "去年的科普活动", EventPart.Host, 80, now));
            db.Attachments.Add(new Attachment
            {
                Id = Guid.CreateVersion7(), InstanceId = salon.Id, FileName = "沙龙现场.jpg", ContentType = "image/jpeg", Size = 10, StoredName = "x",
                UploadedBy = "test", UploadedAt = now,
            });
            db.YearEndFigures.Add(new YearEndFigures { OrganisationId = "jd", Year = Year, LocalEnterprises = 1260, ScienceEnterprises = 318, IndustrialZones = 6 });
            return await db.SaveChangesAsync();
        });
    }

    private static ParkAssociation Association(string name, string organisation, AssociationKind kind, DateOnly foundedOn) => new()
    {
        Id = Guid.CreateVersion7(), OrganisationId = organisation, Name = name, Kind = kind, Status = AssociationStatus.Active,
        Ownership = kind == AssociationKind.Park ? Ownership.State : Ownership.Private, FoundedBy = FoundingMode.Approval,
        ApprovalNumber = $"嘉科协〔{foundedOn.Year}〕{foundedOn.Month}号", ApprovedOn = foundedOn, FoundedOn = foundedOn,
        UnitMembers = 36, IndividualMembers = 420, Employees = 5200, ScienceStaff = 1380, FoundingCaseId = Guid.CreateVersion7(),
    };

    private static void Officers(AppDbContext db, Guid associationId, params (string Name, string Title, string Phone, OfficerRole Role)[] officers)
    {
        var term = new AssociationTerm
        {
            Id = Guid.CreateVersion7(), AssociationId = associationId, Number = 1, StartsOn = new DateOnly(2024, 1, 1), EndsOn = new DateOnly(2028, 12, 31), Years = 5,
        };
        db.AssociationTerms.Add(term);
        var order = 0;
        foreach (var (name, title, phone, role) in officers)
        {
            db.AssociationOfficers.Add(new AssociationOfficer { Id = Guid.CreateVersion7(), TermId = term.Id, Role = role, Order = order++, Name = name, Title = title, Phone = phone });
        }
    }

    private static ServiceEvent Event(Guid homeId, DateOnly heldOn, string title, EventPart part, int participants, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), HomeId = homeId, HeldOn = heldOn, Category = ServiceEventCategory.TechSalon, Title = title, Part = part,
        Participants = participants, RecordedAt = now,
    };
}
