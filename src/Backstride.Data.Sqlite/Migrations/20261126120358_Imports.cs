using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Backstride.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Imports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Measured_AvgCadenceStepsPerMinute",
                table: "Runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Measured_AvgGroundContactTimeMs",
                table: "Runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Measured_AvgHeartRate",
                table: "Runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Measured_AvgPowerWatts",
                table: "Runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Measured_AvgStepLengthMm",
                table: "Runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Measured_AvgVerticalOscillationMm",
                table: "Runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Measured_AvgVerticalRatioPercent",
                table: "Runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Measured_ElapsedTime",
                table: "Runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Measured_ElevationGainMetres",
                table: "Runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Measured_MovingTime",
                table: "Runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Runs",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                // Runs logged before imports existed were all typed in.
                defaultValue: "Manual");

            migrationBuilder.AddColumn<string>(
                name: "SourceFileName",
                table: "Runs",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TotalFiles = table.Column<int>(type: "INTEGER", nullable: false),
                    DoneFiles = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportBatches_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RunTracks",
                columns: table => new
                {
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EncodedSamples = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SampleCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RunTracks", x => x.RunId);
                    table.ForeignKey(
                        name: "FK_RunTracks_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RunTracks_Runs_RunId",
                        column: x => x.RunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DuplicateOfRunId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportFiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImportFiles_ImportBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImportFiles_Runs_DuplicateOfRunId",
                        column: x => x.DuplicateOfRunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ImportFiles_Runs_RunId",
                        column: x => x.RunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_UserId_CreatedAt",
                table: "ImportBatches",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportFiles_BatchId_Position",
                table: "ImportFiles",
                columns: new[] { "BatchId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportFiles_DuplicateOfRunId",
                table: "ImportFiles",
                column: "DuplicateOfRunId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportFiles_RunId",
                table: "ImportFiles",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportFiles_UserId",
                table: "ImportFiles",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_RunTracks_UserId",
                table: "RunTracks",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportFiles");

            migrationBuilder.DropTable(
                name: "RunTracks");

            migrationBuilder.DropTable(
                name: "ImportBatches");

            migrationBuilder.DropColumn(
                name: "Measured_AvgCadenceStepsPerMinute",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Measured_AvgGroundContactTimeMs",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Measured_AvgHeartRate",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Measured_AvgPowerWatts",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Measured_AvgStepLengthMm",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Measured_AvgVerticalOscillationMm",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Measured_AvgVerticalRatioPercent",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Measured_ElapsedTime",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Measured_ElevationGainMetres",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Measured_MovingTime",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "SourceFileName",
                table: "Runs");
        }
    }
}
