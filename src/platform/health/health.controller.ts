import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from 'src/platform/auth/roles';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOkResponse({
    schema: {
      example: { status: 'ok', database: { status: 'up', embedded: true }, redis: { status: 'not-configured' } },
    },
  })
  @ApiServiceUnavailableResponse({
    schema: {
      example: {
        status: 'degraded',
        database: { status: 'down', error: 'connect ECONNREFUSED' },
        redis: { status: 'up' },
      },
    },
  })
  async check(@Res({ passthrough: true }) res: Response) {
    const report = await this.health.report();
    if (report.status !== 'ok') res.status(503);
    return report;
  }
}
