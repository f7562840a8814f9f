using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Backstride.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FingerprintIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanStepRecords_UserId",
                table: "PlanStepRecords");

            migrationBuilder.DropIndex(
                name: "IX_PlanSessions_UserId",
                table: "PlanSessions");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_UserId_UpdatedAt",
                table: "Runs",
                columns: new[] { "UserId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanStepRecords_UserId_UpdatedAt",
                table: "PlanStepRecords",
                columns: new[] { "UserId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanSessions_UserId_CreatedAt",
                table: "PlanSessions",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_UserId_UpdatedAt",
                table: "CheckIns",
                columns: new[] { "UserId", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Runs_UserId_UpdatedAt",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_PlanStepRecords_UserId_UpdatedAt",
                table: "PlanStepRecords");

            migrationBuilder.DropIndex(
                name: "IX_PlanSessions_UserId_CreatedAt",
                table: "PlanSessions");

            migrationBuilder.DropIndex(
                name: "IX_CheckIns_UserId_UpdatedAt",
                table: "CheckIns");

            migrationBuilder.CreateIndex(
                name: "IX_PlanStepRecords_UserId",
                table: "PlanStepRecords",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanSessions_UserId",
                table: "PlanSessions",
                column: "UserId");
        }
    }
}
