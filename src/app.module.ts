import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './platform/auth/auth.module';
import { ViewCacheModule } from './platform/cache/view-cache';
import { AppConfig, loadConfig } from './platform/config/app-config';
import { ConfigModule } from './platform/config/config.module';
import { DbModule } from './platform/db/db.module';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './platform/health/health.module';
import { JobsModule } from './platform/jobs/jobs.module';
import { LoggingModule } from './platform/logging/logging.module';
import { RedisModule } from './platform/redis/redis.module';
import { OrgModule } from './modules/org/org.module';
import { IngestModule } from './modules/ingest/ingest.module';
import { QueuesModule } from './modules/queues/queues.module';
import { ForecastModule } from './modules/forecast/forecast.module';
import { StaffingModule } from './modules/staffing/staffing.module';
import { KpiModule } from './modules/kpi/kpi.module';
import { RankingModule } from './modules/ranking/ranking.module';
import { ComplaintsModule } from './modules/complaints/complaints.module';
import { QcModule } from './modules/qc/qc.module';
import { RosterModule } from './modules/roster/roster.module';
import { ExportModule } from './modules/export/export.module';
import { TrainingModule } from './modules/training/training.module';
import { DemoShopModule } from './demo/demo-shop.module';
import { AdherenceModule } from './modules/adherence/adherence.module';
import { TimeOffModule } from './modules/time-off/time-off.module';
import { ShiftSwapModule } from './modules/shift-swap/shift-swap.module';
import { OpenShiftModule } from './modules/open-shift/open-shift.module';
import { IntradayModule } from './modules/intraday/intraday.module';
import { NotificationModule } from './modules/notification/notification.module';

/** Platform first, then one module per domain. */
export const domainModules = [
  OrgModule,
  QueuesModule,
  IngestModule,
  ForecastModule,
  StaffingModule,
  KpiModule,
  RankingModule,
  ComplaintsModule,
  QcModule,
  RosterModule,
  TrainingModule,
  ExportModule,
  AdherenceModule,
  IntradayModule,
  DemoShopModule,
  NotificationModule,
  TimeOffModule,
  ShiftSwapModule,
  OpenShiftModule,
];

@Module({})
export class AppModule {
  /** `extra`: modules a test adds (its own job handlers); production passes none. */
  static register(config: AppConfig = loadConfig(), extra: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...extra,
        ConfigModule.forRoot(config),
        LoggingModule,
        DbModule,
        DemoModule,
        RedisModule,
        ViewCacheModule,
        AuthModule,
        HealthModule,
        JobsModule,
        ...domainModules,
      ],
    };
  }
}
