import { Global, Module } from '@nestjs/common';
import { DemoSeed } from './demo-seed';

@Global()
@Module({ providers: [DemoSeed], exports: [DemoSeed] })
export class DemoModule {}
