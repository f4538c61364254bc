using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KxHome.Host.Identity.PostgresMigrations
{
    /// <inheritdoc />
    public partial class A001_Postgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalizedname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrencystamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetroles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    displayname = table.Column<string>(type: "text", nullable: false),
                    organisationid = table.Column<string>(type: "text", nullable: true),
                    username = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalizedusername = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalizedemail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    emailconfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    passwordhash = table.Column<string>(type: "text", nullable: true),
                    securitystamp = table.Column<string>(type: "text", nullable: true),
                    concurrencystamp = table.Column<string>(type: "text", nullable: true),
                    phonenumber = table.Column<string>(type: "text", nullable: true),
                    phonenumberconfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    twofactorenabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockoutend = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockoutenabled = table.Column<bool>(type: "boolean", nullable: false),
                    accessfailedcount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetusers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    homeid = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    caseid = table.Column<Guid>(type: "uuid", nullable: true),
                    rectificationcaseid = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    snapshot = table.Column<string>(type: "text", nullable: true),
                    grade = table.Column<string>(type: "text", nullable: true),
                    reviewerid = table.Column<string>(type: "text", nullable: true),
                    opinion = table.Column<string>(type: "text", nullable: true),
                    publishedon = table.Column<DateOnly>(type: "date", nullable: true),
                    openedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "AssociationOfficers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    termid = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "text", nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    phone = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_associationofficers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "Associations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisationid = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    ownership = table.Column<string>(type: "text", nullable: false),
                    foundedby = table.Column<string>(type: "text", nullable: true),
                    approvalnumber = table.Column<string>(type: "text", nullable: true),
                    approvedon = table.Column<DateOnly>(type: "date", nullable: true),
                    foundedon = table.Column<DateOnly>(type: "date", nullable: true),
                    address = table.Column<string>(type: "text", nullable: false),
                    secretariatunit = table.Column<string>(type: "text", nullable: false),
                    legalrepresentative = table.Column<string>(type: "text", nullable: false),
                    legalrepresentativetitle = table.Column<string>(type: "text", nullable: false),
                    legalrepresentativephone = table.Column<string>(type: "text", nullable: false),
                    unitmembers = table.Column<int>(type: "integer", nullable: false),
                    individualmembers = table.Column<int>(type: "integer", nullable: false),
                    employees = table.Column<int>(type: "integer", nullable: false),
                    sciencestaff = table.Column<int>(type: "integer", nullable: false),
                    partycommittee = table.Column<string>(type: "text", nullable: false),
                    partyconsenton = table.Column<DateOnly>(type: "date", nullable: true),
                    homeid = table.Column<Guid>(type: "uuid", nullable: true),
                    foundingcaseid = table.Column<Guid>(type: "uuid", nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_associations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "AssociationTerms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    associationid = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    startson = table.Column<DateOnly>(type: "date", nullable: false),
                    endson = table.Column<DateOnly>(type: "date", nullable: false),
                    years = table.Column<int>(type: "integer", nullable: false),
                    lengthreason = table.Column<string>(type: "text", nullable: true),
                    timingreason = table.Column<string>(type: "text", nullable: true),
                    congresson = table.Column<DateOnly>(type: "date", nullable: true),
                    reportadopted = table.Column<bool>(type: "boolean", nullable: false),
                    charteradopted = table.Column<bool>(type: "boolean", nullable: false),
                    committeemembers = table.Column<string>(type: "text", nullable: false),
                    filedon = table.Column<DateOnly>(type: "date", nullable: true),
                    filedwith = table.Column<string>(type: "text", nullable: true),
                    electedbycaseid = table.Column<Guid>(type: "uuid", nullable: true),
                    renewalcaseid = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_associationterms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instanceid = table.Column<Guid>(type: "uuid", nullable: false),
                    filename = table.Column<string>(type: "text", nullable: false),
                    contenttype = table.Column<string>(type: "text", nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    storedname = table.Column<string>(type: "text", nullable: false),
                    slot = table.Column<string>(type: "text", nullable: true),
                    uploadedby = table.Column<string>(type: "text", nullable: false),
                    uploadedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attachments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "Calls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisationid = table.Column<string>(type: "text", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    filingdeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    quota = table.Column<int>(type: "integer", nullable: false),
                    validityyears = table.Column<int>(type: "integer", nullable: false),
                    minproposalcharacters = table.Column<int>(type: "integer", nullable: false),
                    mincontacts = table.Column<int>(type: "integer", nullable: false),
                    rubric = table.Column<string>(type: "text", nullable: false),
                    caseid = table.Column<Guid>(type: "uuid", nullable: false),
                    openedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decidedon = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calls", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "CultivationGuidance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pathid = table.Column<Guid>(type: "uuid", nullable: false),
                    guidedon = table.Column<DateOnly>(type: "date", nullable: false),
                    area = table.Column<string>(type: "text", nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    by = table.Column<string>(type: "text", nullable: true),
                    jobid = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cultivationguidance", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "CultivationList",
                columns: table => new
                {
                    homeid = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    assessmentid = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cultivationlist", x => x.homeid);
                });

            migrationBuilder.CreateTable(
                name: "CultivationPaths",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    homeid = table.Column<Guid>(type: "uuid", nullable: false),
                    organisationid = table.Column<string>(type: "text", nullable: false),
                    caseid = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<string>(type: "text", nullable: false),
                    fromlist = table.Column<bool>(type: "boolean", nullable: false),
                    launchedon = table.Column<DateOnly>(type: "date", nullable: false),
                    intentdeclaredon = table.Column<DateOnly>(type: "date", nullable: true),
                    improvefrom = table.Column<DateOnly>(type: "date", nullable: true),
                    upgradefrom = table.Column<DateOnly>(type: "date", nullable: true),
                    endedon = table.Column<DateOnly>(type: "date", nullable: true),
                    endreason = table.Column<string>(type: "text", nullable: true),
                    associationid = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cultivationpaths", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "CultivationVerifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pathid = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    verifiedon = table.Column<DateOnly>(type: "date", nullable: false),
                    passed = table.Column<bool>(type: "boolean", nullable: false),
                    improvementpoints = table.Column<string>(type: "text", nullable: false),
                    opinion = table.Column<string>(type: "text", nullable: false),
                    by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cultivationverifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dataprotectionkeys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendlyname = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dataprotectionkeys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "Demands",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    homeid = table.Column<Guid>(type: "uuid", nullable: false),
                    raisedon = table.Column<DateOnly>(type: "date", nullable: false),
                    topic = table.Column<string>(type: "text", nullable: false),
                    raisedby = table.Column<string>(type: "text", nullable: false),
                    respondedon = table.Column<DateOnly>(type: "date", nullable: true),
                    outcome = table.Column<string>(type: "text", nullable: true),
                    recordedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demands", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "Drafts",
                columns: table => new
                {
                    taskid = table.Column<Guid>(type: "uuid", nullable: false),
                    data = table.Column<string>(type: "text", nullable: false),
                    savedby = table.Column<string>(type: "text", nullable: false),
                    savedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drafts", x => x.taskid);
                });

            migrationBuilder.CreateTable(
                name: "ExpertScores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    homeid = table.Column<Guid>(type: "uuid", nullable: false),
                    expertid = table.Column<string>(type: "text", nullable: false),
                    points = table.Column<string>(type: "text", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    activities = table.Column<int>(type: "integer", nullable: false),
                    opinion = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expertscores", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "FlowDrafts",
                columns: table => new
                {
                    key = table.Column<string>(type: "text", nullable: false),
                    xml = table.Column<string>(type: "text", nullable: false),
                    savedby = table.Column<string>(type: "text", nullable: false),
                    savedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flowdrafts", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "FundingEntries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    homeid = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    amountfen = table.Column<long>(type: "bigint", nullable: false),
                    purpose = table.Column<string>(type: "text", nullable: false),
                    source = table.Column<string>(type: "text", nullable: true),
                    effect = table.Column<string>(type: "text", nullable: true),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    caseid = table.Column<Guid>(type: "uuid", nullable: true),
                    jobid = table.Column<Guid>(type: "uuid", nullable: true),
                    recordedby = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fundingentries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "HomePairings",
                columns: table => new
                {
                    streethomeid = table.Column<Guid>(type: "uuid", nullable: false),
                    pairedhomeid = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_homepairings", x => new { x.streethomeid, x.pairedhomeid });
                });

            migrationBuilder.CreateTable(
                name: "Homes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisationid = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    address = table.Column<string>(type: "text", nullable: false),
                    aream2 = table.Column<double>(type: "double precision", nullable: false),
                    personincharge = table.Column<string>(type: "text", nullable: false),
                    administrator = table.Column<string>(type: "text", nullable: false),
                    phone = table.Column<string>(type: "text", nullable: false),
                    ruleset = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    incluster = table.Column<bool>(type: "boolean", nullable: true),
                    sixhaves_place = table.Column<bool>(type: "boolean", nullable: false),
                    sixhaves_facilities = table.Column<bool>(type: "boolean", nullable: false),
                    sixhaves_staff = table.Column<bool>(type: "boolean", nullable: false),
                    sixhaves_funding = table.Column<bool>(type: "boolean", nullable: false),
                    sixhaves_activities = table.Column<bool>(type: "boolean", nullable: false),
                    sixhaves_rules = table.Column<bool>(type: "boolean", nullable: false),
                    sixhaves_openfreeofcharge = table.Column<bool>(type: "boolean", nullable: false),
                    designatedon = table.Column<DateOnly>(type: "date", nullable: true),
                    plaquenumber = table.Column<string>(type: "text", nullable: true),
                    plaqueon = table.Column<DateOnly>(type: "date", nullable: true),
                    certificationcaseid = table.Column<Guid>(type: "uuid", nullable: true),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_homes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "HomeStatusChanges",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    homeid = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "text", nullable: true),
                    to = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: false),
                    caseid = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_homestatuschanges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "Ledger",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    jobid = table.Column<Guid>(type: "uuid", nullable: false),
                    instanceid = table.Column<Guid>(type: "uuid", nullable: false),
                    owner = table.Column<string>(type: "text", nullable: true),
                    kind = table.Column<string>(type: "text", nullable: false),
                    summary = table.Column<string>(type: "text", nullable: false),
                    amountfen = table.Column<long>(type: "bigint", nullable: true),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "MonthlyReports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    homeid = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    summary = table.Column<string>(type: "text", nullable: false),
                    submittedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    submittedby = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monthlyreports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "Nominations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    associationid = table.Column<Guid>(type: "uuid", nullable: false),
                    caseid = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    unit = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    nominatedby = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nominations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    parentid = table.Column<string>(type: "text", nullable: true),
                    ruleset = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "PolicySettings",
                columns: table => new
                {
                    ruleset = table.Column<string>(type: "text", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: false),
                    changedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    changedby = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policysettings", x => new { x.ruleset, x.year, x.key });
                });

            migrationBuilder.CreateTable(
                name: "RepresentativeAssessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    homeid = table.Column<Guid>(type: "uuid", nullable: false),
                    designationyear = table.Column<int>(type: "integer", nullable: false),
                    qualified = table.Column<bool>(type: "boolean", nullable: false),
                    opinion = table.Column<string>(type: "text", nullable: false),
                    reviewerid = table.Column<string>(type: "text", nullable: true),
                    publishedon = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_representativeassessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "RepresentativeHomes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    callid = table.Column<Guid>(type: "uuid", nullable: false),
                    organisationid = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    place = table.Column<string>(type: "text", nullable: false),
                    contactname = table.Column<string>(type: "text", nullable: false),
                    contactphone = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    proposalcharacters = table.Column<int>(type: "integer", nullable: false),
                    filedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    checkedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    score = table.Column<double>(type: "double precision", nullable: true),
                    activityscore = table.Column<double>(type: "double precision", nullable: true),
                    rank = table.Column<int>(type: "integer", nullable: true),
                    designatedon = table.Column<DateOnly>(type: "date", nullable: true),
                    validuntil = table.Column<DateOnly>(type: "date", nullable: true),
                    endedon = table.Column<DateOnly>(type: "date", nullable: true),
                    endreason = table.Column<string>(type: "text", nullable: true),
                    caseid = table.Column<Guid>(type: "uuid", nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_representativehomes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "Representatives",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    homeid = table.Column<Guid>(type: "uuid", nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    contacts = table.Column<string>(type: "text", nullable: false),
                    contactcount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_representatives", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "SentMails",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    noticeid = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient = table.Column<string>(type: "text", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    sentat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    refusal = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sentmails", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceEvents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    homeid = table.Column<Guid>(type: "uuid", nullable: false),
                    heldon = table.Column<DateOnly>(type: "date", nullable: false),
                    category = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    part = table.Column<string>(type: "text", nullable: false),
                    outcome = table.Column<string>(type: "text", nullable: false),
                    participants = table.Column<int>(type: "integer", nullable: false),
                    enterprisesserved = table.Column<int>(type: "integer", nullable: false),
                    pairedhomeid = table.Column<Guid>(type: "uuid", nullable: true),
                    newsreportedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    newsurgedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    recordedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recordedby = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_serviceevents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "UsedLinks",
                columns: table => new
                {
                    linkid = table.Column<string>(type: "text", nullable: false),
                    userid = table.Column<string>(type: "text", nullable: false),
                    usedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_usedlinks", x => x.linkid);
                });

            migrationBuilder.CreateTable(
                name: "YearEndFigures",
                columns: table => new
                {
                    organisationid = table.Column<string>(type: "text", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    localenterprises = table.Column<int>(type: "integer", nullable: false),
                    scienceenterprises = table.Column<int>(type: "integer", nullable: false),
                    industrialzones = table.Column<int>(type: "integer", nullable: false),
                    submittedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    submissioncaseid = table.Column<Guid>(type: "uuid", nullable: true),
                    updatedby = table.Column<string>(type: "text", nullable: false),
                    updatedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_yearendfigures", x => new { x.organisationid, x.year });
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    roleid = table.Column<string>(type: "text", nullable: false),
                    claimtype = table.Column<string>(type: "text", nullable: true),
                    claimvalue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetroleclaims", x => x.id);
                    table.ForeignKey(
                        name: "fk_aspnetroleclaims_aspnetroles_roleid",
                        column: x => x.roleid,
                        principalTable: "AspNetRoles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    userid = table.Column<string>(type: "text", nullable: false),
                    claimtype = table.Column<string>(type: "text", nullable: true),
                    claimvalue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetuserclaims", x => x.id);
                    table.ForeignKey(
                        name: "fk_aspnetuserclaims_aspnetusers_userid",
                        column: x => x.userid,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    loginprovider = table.Column<string>(type: "text", nullable: false),
                    providerkey = table.Column<string>(type: "text", nullable: false),
                    providerdisplayname = table.Column<string>(type: "text", nullable: true),
                    userid = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetuserlogins", x => new { x.loginprovider, x.providerkey });
                    table.ForeignKey(
                        name: "fk_aspnetuserlogins_aspnetusers_userid",
                        column: x => x.userid,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    userid = table.Column<string>(type: "text", nullable: false),
                    roleid = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetuserroles", x => new { x.userid, x.roleid });
                    table.ForeignKey(
                        name: "fk_aspnetuserroles_aspnetroles_roleid",
                        column: x => x.roleid,
                        principalTable: "AspNetRoles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_aspnetuserroles_aspnetusers_userid",
                        column: x => x.userid,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    userid = table.Column<string>(type: "text", nullable: false),
                    loginprovider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aspnetusertokens", x => new { x.userid, x.loginprovider, x.name });
                    table.ForeignKey(
                        name: "fk_aspnetusertokens_aspnetusers_userid",
                        column: x => x.userid,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_aspnetroleclaims_roleid",
                table: "AspNetRoleClaims",
                column: "roleid");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "normalizedname",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_aspnetuserclaims_userid",
                table: "AspNetUserClaims",
                column: "userid");

            migrationBuilder.CreateIndex(
                name: "ix_aspnetuserlogins_userid",
                table: "AspNetUserLogins",
                column: "userid");

            migrationBuilder.CreateIndex(
                name: "ix_aspnetuserroles_roleid",
                table: "AspNetUserRoles",
                column: "roleid");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "normalizedemail");

            migrationBuilder.CreateIndex(
                name: "ix_aspnetusers_organisationid",
                table: "AspNetUsers",
                column: "organisationid");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "normalizedusername",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assessments_caseid",
                table: "Assessments",
                column: "caseid");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_homeid_year",
                table: "Assessments",
                columns: new[] { "homeid", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assessments_year_status",
                table: "Assessments",
                columns: new[] { "year", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_associationofficers_termid_order",
                table: "AssociationOfficers",
                columns: new[] { "termid", "order" });

            migrationBuilder.CreateIndex(
                name: "ix_associations_foundingcaseid",
                table: "Associations",
                column: "foundingcaseid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_associations_organisationid",
                table: "Associations",
                column: "organisationid");

            migrationBuilder.CreateIndex(
                name: "ix_associationterms_associationid_number",
                table: "AssociationTerms",
                columns: new[] { "associationid", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_associationterms_filedwith",
                table: "AssociationTerms",
                column: "filedwith");

            migrationBuilder.CreateIndex(
                name: "ix_attachments_instanceid",
                table: "Attachments",
                column: "instanceid");

            migrationBuilder.CreateIndex(
                name: "ix_calls_caseid",
                table: "Calls",
                column: "caseid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_calls_organisationid_year",
                table: "Calls",
                columns: new[] { "organisationid", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cultivationguidance_jobid",
                table: "CultivationGuidance",
                column: "jobid",
                unique: true,
                filter: "JobId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cultivationguidance_pathid_guidedon",
                table: "CultivationGuidance",
                columns: new[] { "pathid", "guidedon" });

            migrationBuilder.CreateIndex(
                name: "ix_cultivationlist_year",
                table: "CultivationList",
                column: "year");

            migrationBuilder.CreateIndex(
                name: "ix_cultivationpaths_caseid",
                table: "CultivationPaths",
                column: "caseid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cultivationpaths_homeid",
                table: "CultivationPaths",
                column: "homeid");

            migrationBuilder.CreateIndex(
                name: "ix_cultivationpaths_organisationid",
                table: "CultivationPaths",
                column: "organisationid");

            migrationBuilder.CreateIndex(
                name: "ix_cultivationverifications_pathid_year",
                table: "CultivationVerifications",
                columns: new[] { "pathid", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_demands_homeid_raisedon",
                table: "Demands",
                columns: new[] { "homeid", "raisedon" });

            migrationBuilder.CreateIndex(
                name: "ix_expertscores_homeid_expertid",
                table: "ExpertScores",
                columns: new[] { "homeid", "expertid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fundingentries_homeid_kind_year",
                table: "FundingEntries",
                columns: new[] { "homeid", "kind", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_fundingentries_jobid",
                table: "FundingEntries",
                column: "jobid",
                unique: true,
                filter: "JobId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FundingEntries_OneAwardAYear",
                table: "FundingEntries",
                columns: new[] { "homeid", "year" },
                unique: true,
                filter: "Kind = 'ExcellenceAward'");

            migrationBuilder.CreateIndex(
                name: "IX_FundingEntries_OneGrant",
                table: "FundingEntries",
                column: "homeid",
                unique: true,
                filter: "Kind = 'ConstructionGrant'");

            migrationBuilder.CreateIndex(
                name: "ix_homes_certificationcaseid",
                table: "Homes",
                column: "certificationcaseid");

            migrationBuilder.CreateIndex(
                name: "ix_homes_organisationid",
                table: "Homes",
                column: "organisationid");

            migrationBuilder.CreateIndex(
                name: "ix_homes_plaquenumber",
                table: "Homes",
                column: "plaquenumber",
                unique: true,
                filter: "PlaqueNumber IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_homes_status_name",
                table: "Homes",
                columns: new[] { "status", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_homestatuschanges_homeid_at",
                table: "HomeStatusChanges",
                columns: new[] { "homeid", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_instanceid",
                table: "Ledger",
                column: "instanceid");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_jobid",
                table: "Ledger",
                column: "jobid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_owner_kind",
                table: "Ledger",
                columns: new[] { "owner", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_monthlyreports_homeid_year_month",
                table: "MonthlyReports",
                columns: new[] { "homeid", "year", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_nominations_caseid_at",
                table: "Nominations",
                columns: new[] { "caseid", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_organisations_parentid",
                table: "Organisations",
                column: "parentid");

            migrationBuilder.CreateIndex(
                name: "ix_representativeassessments_homeid_designationyear",
                table: "RepresentativeAssessments",
                columns: new[] { "homeid", "designationyear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_representativehomes_callid",
                table: "RepresentativeHomes",
                column: "callid");

            migrationBuilder.CreateIndex(
                name: "ix_representativehomes_caseid",
                table: "RepresentativeHomes",
                column: "caseid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_representativehomes_organisationid",
                table: "RepresentativeHomes",
                column: "organisationid");

            migrationBuilder.CreateIndex(
                name: "ix_representatives_homeid_order",
                table: "Representatives",
                columns: new[] { "homeid", "order" });

            migrationBuilder.CreateIndex(
                name: "ix_sentmails_noticeid_recipient",
                table: "SentMails",
                columns: new[] { "noticeid", "recipient" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceEvents_Figures",
                table: "ServiceEvents",
                columns: new[] { "homeid", "heldon", "category", "participants", "enterprisesserved", "pairedhomeid", "newsreportedat" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "AssociationOfficers");

            migrationBuilder.DropTable(
                name: "Associations");

            migrationBuilder.DropTable(
                name: "AssociationTerms");

            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "Calls");

            migrationBuilder.DropTable(
                name: "CultivationGuidance");

            migrationBuilder.DropTable(
                name: "CultivationList");

            migrationBuilder.DropTable(
                name: "CultivationPaths");

            migrationBuilder.DropTable(
                name: "CultivationVerifications");

            migrationBuilder.DropTable(
                name: "dataprotectionkeys");

            migrationBuilder.DropTable(
                name: "Demands");

            migrationBuilder.DropTable(
                name: "Drafts");

            migrationBuilder.DropTable(
                name: "ExpertScores");

            migrationBuilder.DropTable(
                name: "FlowDrafts");

            migrationBuilder.DropTable(
                name: "FundingEntries");

            migrationBuilder.DropTable(
                name: "HomePairings");

            migrationBuilder.DropTable(
                name: "Homes");

            migrationBuilder.DropTable(
                name: "HomeStatusChanges");

            migrationBuilder.DropTable(
                name: "Ledger");

            migrationBuilder.DropTable(
                name: "MonthlyReports");

            migrationBuilder.DropTable(
                name: "Nominations");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "PolicySettings");

            migrationBuilder.DropTable(
                name: "RepresentativeAssessments");

            migrationBuilder.DropTable(
                name: "RepresentativeHomes");

            migrationBuilder.DropTable(
                name: "Representatives");

            migrationBuilder.DropTable(
                name: "SentMails");

            migrationBuilder.DropTable(
                name: "ServiceEvents");

            migrationBuilder.DropTable(
                name: "UsedLinks");

            migrationBuilder.DropTable(
                name: "YearEndFigures");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");
        }
    }
}
