import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { Priority } from '@ecoute/contracts';

/** A priority in the path: low, normal, high or urgent; anything else is a 400 naming them. */
@Injectable()
export class PriorityPipe implements PipeTransform<string, Priority> {
  transform(value: string): Priority {
    const parsed = Priority.safeParse(value);
    if (!parsed.success) throw new BadRequestException(`priority must be one of ${Priority.options.join(', ')} (got "${value}")`);
    return parsed.data;
  }
}
