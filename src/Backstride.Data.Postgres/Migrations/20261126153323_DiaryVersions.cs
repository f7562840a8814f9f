using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Backstride.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DiaryVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanSessions_UserId",
                table: "PlanSessions");

            migrationBuilder.CreateTable(
                name: "DiaryVersions",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiaryVersions", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_DiaryVersions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanSessions_UserId_CreatedAt",
                table: "PlanSessions",
                columns: new[] { "UserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DiaryVersions");

            migrationBuilder.DropIndex(
                name: "IX_PlanSessions_UserId_CreatedAt",
                table: "PlanSessions");

            migrationBuilder.CreateIndex(
                name: "IX_PlanSessions_UserId",
                table: "PlanSessions",
                column: "UserId");
        }
    }
}
