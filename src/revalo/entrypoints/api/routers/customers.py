"""Customers: consumers and B2B accounts."""

from fastapi import APIRouter, status

from revalo.domain.catalog import Customer
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas import CustomerCreate, CustomerPublic
from revalo.entrypoints.api.types import CustomerCodePath
from revalo.services import catalog, lookups

router = APIRouter(prefix="/customers", tags=["customers"])


@router.post(
    "", dependencies=[need(Permission.MANAGE_CUSTOMERS)], status_code=status.HTTP_201_CREATED
)
def create_customer(body: CustomerCreate, uow: UowDep, user: CurrentUser) -> CustomerPublic:
    added = catalog.add_customer(uow, Customer(**body.model_dump()), by=user)
    return CustomerPublic.model_validate(added)


@router.get("/{code}", dependencies=[need(Permission.VIEW_CUSTOMERS)])
def get_customer(code: CustomerCodePath, uow: ReadUowDep) -> CustomerPublic:
    return CustomerPublic.model_validate(lookups.get_customer(uow, code))
