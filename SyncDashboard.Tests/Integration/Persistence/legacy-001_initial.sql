-- 001: the initial schema (generated from the EF model with GenerateCreateScript, then kept by hand).
CREATE TABLE "ChangeLog" (
    "UserId" TEXT NOT NULL,
    "Seq" INTEGER NOT NULL,
    "IntegrationId" TEXT NULL,
    "EventIds" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "PK_ChangeLog" PRIMARY KEY ("UserId", "Seq")
);


CREATE TABLE "Conflicts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Conflicts" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "EventId" TEXT NOT NULL,
    "IntegrationId" TEXT NOT NULL,
    "Fields" TEXT NOT NULL,
    "LocalFields" TEXT NOT NULL,
    "RemoteFields" TEXT NOT NULL,
    "BaseFields" TEXT NULL,
    "Outcome" INTEGER NOT NULL,
    "UserChoice" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "ResolvedAt" TEXT NULL
);


CREATE TABLE "Outbox" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Outbox" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "EventId" TEXT NOT NULL,
    "IntegrationId" TEXT NOT NULL,
    "Operation" INTEGER NOT NULL,
    "State" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "LastError" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CompletedAt" TEXT NULL
);


CREATE TABLE "SyncRuns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SyncRuns" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "IntegrationId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Trigger" INTEGER NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NULL,
    "DurationMs" INTEGER NOT NULL,
    "Created" INTEGER NOT NULL,
    "Updated" INTEGER NOT NULL,
    "Deleted" INTEGER NOT NULL,
    "Failed" INTEGER NOT NULL,
    "Requests" INTEGER NOT NULL,
    "Error" TEXT NULL
);


CREATE TABLE "Users" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Users" PRIMARY KEY,
    "Email" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "PasswordHash" TEXT NULL,
    "TimeZone" TEXT NOT NULL,
    "IsDemo" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL
);


CREATE TABLE "ApiTokens" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ApiTokens" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "Hash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastUsedAt" TEXT NULL,
    "RevokedAt" TEXT NULL,
    CONSTRAINT "FK_ApiTokens_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Credentials" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Credentials" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Provider" INTEGER NOT NULL,
    "AccountName" TEXT NOT NULL,
    "ProtectedTokens" TEXT NOT NULL,
    "NeedsReconnect" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Credentials_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Events" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Events" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Location" TEXT NULL,
    "Notes" TEXT NULL,
    "Start" TEXT NOT NULL,
    "End" TEXT NOT NULL,
    "IsAllDay" INTEGER NOT NULL,
    "TimeZone" TEXT NULL,
    "Recurrence" TEXT NULL,
    "OriginIntegrationId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "IsDeleted" INTEGER NOT NULL,
    "DeletedAt" TEXT NULL,
    CONSTRAINT "FK_Events_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Integrations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Integrations" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Provider" INTEGER NOT NULL,
    "CredentialId" TEXT NULL,
    "DisplayName" TEXT NOT NULL,
    "ExternalId" TEXT NOT NULL,
    "Direction" INTEGER NOT NULL,
    "IsHome" INTEGER NOT NULL,
    "Cursor" TEXT NULL,
    "ChannelId" TEXT NULL,
    "ChannelResourceId" TEXT NULL,
    "ChannelTokenProtected" TEXT NULL,
    "ChannelExpiresAt" TEXT NULL,
    "PropertyMapping" TEXT NULL,
    "WebhookSecretProtected" TEXT NULL,
    "LastSyncAt" TEXT NULL,
    "LastFullScanAt" TEXT NULL,
    "LastSyncError" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Integrations_Credentials_CredentialId" FOREIGN KEY ("CredentialId") REFERENCES "Credentials" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Integrations_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "EventLinks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EventLinks" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "EventId" TEXT NOT NULL,
    "IntegrationId" TEXT NOT NULL,
    "ExternalId" TEXT NULL,
    "RemoteVersion" TEXT NULL,
    "BaseFields" TEXT NULL,
    "State" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "LastSyncedAt" TEXT NULL,
    "RemoteUpdatedAt" TEXT NULL,
    CONSTRAINT "FK_EventLinks_Events_EventId" FOREIGN KEY ("EventId") REFERENCES "Events" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_EventLinks_Integrations_IntegrationId" FOREIGN KEY ("IntegrationId") REFERENCES "Integrations" ("Id") ON DELETE CASCADE
);


CREATE UNIQUE INDEX "IX_ApiTokens_Hash" ON "ApiTokens" ("Hash");


CREATE INDEX "IX_ApiTokens_UserId" ON "ApiTokens" ("UserId");


CREATE INDEX "IX_Conflicts_EventId" ON "Conflicts" ("EventId");


CREATE INDEX "IX_Conflicts_UserId_ResolvedAt" ON "Conflicts" ("UserId", "ResolvedAt");


CREATE UNIQUE INDEX "IX_Credentials_UserId_Provider_AccountName" ON "Credentials" ("UserId", "Provider", "AccountName");


CREATE UNIQUE INDEX "IX_EventLinks_EventId_IntegrationId" ON "EventLinks" ("EventId", "IntegrationId");


CREATE UNIQUE INDEX "IX_EventLinks_IntegrationId_ExternalId" ON "EventLinks" ("IntegrationId", "ExternalId");


CREATE INDEX "IX_Events_UserId_IsDeleted_Start" ON "Events" ("UserId", "IsDeleted", "Start");


CREATE INDEX "IX_Integrations_ChannelId" ON "Integrations" ("ChannelId");


CREATE INDEX "IX_Integrations_CredentialId" ON "Integrations" ("CredentialId");


CREATE UNIQUE INDEX "IX_Integrations_UserId_Provider_ExternalId" ON "Integrations" ("UserId", "Provider", "ExternalId");


CREATE INDEX "IX_Outbox_EventId" ON "Outbox" ("EventId");


CREATE INDEX "IX_Outbox_IntegrationId_State" ON "Outbox" ("IntegrationId", "State");


CREATE INDEX "IX_Outbox_State_NextAttemptAt" ON "Outbox" ("State", "NextAttemptAt");


CREATE INDEX "IX_SyncRuns_IntegrationId_StartedAt" ON "SyncRuns" ("IntegrationId", "StartedAt");


CREATE INDEX "IX_SyncRuns_UserId_StartedAt" ON "SyncRuns" ("UserId", "StartedAt");


CREATE UNIQUE INDEX "IX_Users_Email" ON "Users" ("Email");
