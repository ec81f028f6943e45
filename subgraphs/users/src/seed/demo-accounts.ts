// The demo accounts seeded by `npm start` (never in production). Their ids are fixed: other subgraphs' demo data points
// at them by id (catalog's demo-sellers.ts), as federation does.
import type { Role } from '@espigon/kit/auth/role';

export interface DemoAccount {
  id: string;
  email: string;
  password: string;
  name: string;
  role: Role;
  phone?: string;
  stallName?: string;
  pierSection?: string;
}

export const demoAccounts: readonly DemoAccount[] = [
  {
    id: '6f1c7a1e-0000-4000-8000-000000000001',
    email: 'admin@espigon.ec',
    password: 'Espigon-admin-2026',
    name: 'Administración del Espigón',
    role: 'ADMIN',
  },
  {
    id: '6f1c7a1e-0000-4000-8000-000000000011',
    email: 'rosa@espigon.ec',
    password: 'Espigon-seller-2026',
    name: 'Rosa Delgado',
    role: 'SELLER',
    phone: '+593 99 111 2233',
    stallName: 'Mariscos Doña Rosa',
    pierSection: 'Muelle A, puesto 4',
  },
  {
    id: '6f1c7a1e-0000-4000-8000-000000000012',
    email: 'pedro@espigon.ec',
    password: 'Espigon-seller-2026',
    name: 'Pedro Mero',
    role: 'SELLER',
    phone: '+593 98 222 3344',
    stallName: 'Pesca Artesanal Mero',
    pierSection: 'Muelle B, puesto 12',
  },
  {
    id: '6f1c7a1e-0000-4000-8000-000000000013',
    email: 'lucia@espigon.ec',
    password: 'Espigon-seller-2026',
    name: 'Lucía Chávez',
    role: 'SELLER',
    phone: '+593 97 333 4455',
    stallName: 'El Atún de Tarqui',
    pierSection: 'Playa Tarqui, puesto 7',
  },
  {
    id: '6f1c7a1e-0000-4000-8000-000000000021',
    email: 'carmen@example.ec',
    password: 'Espigon-client-2026',
    name: 'Carmen Zambrano',
    role: 'CLIENT',
    phone: '+593 96 444 5566',
  },
  {
    id: '6f1c7a1e-0000-4000-8000-000000000022',
    email: 'restaurante.lachoza@example.ec',
    password: 'Espigon-client-2026',
    name: 'Restaurante La Choza',
    role: 'CLIENT',
    phone: '+593 5 262 0000',
  },
];

export const demoSellers = demoAccounts.filter((a) => a.role === 'SELLER');
